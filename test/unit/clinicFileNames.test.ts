import { describe, expect, it } from 'vitest';
import { clinicFileNames } from '../../shared/documents/clinicFileNames.ts';

describe('one PDF per clinic: file names', () => {
  it('names each file by its clinic, counting equal names as Windows and macOS compare them', () => {
    expect(clinicFileNames(['霧島中央クリニック', '霧島中央ｸﾘﾆｯｸ', '佐藤医院'])).toEqual(['霧島中央クリニック.pdf', '霧島中央ｸﾘﾆｯｸ（2）.pdf', '佐藤医院.pdf']);
  });

  it('never starts or ends a name with a dot or a space, which Windows drops and a zip of ours refuses', () => {
    expect(clinicFileNames(['.さくら医院', ' ..みなみ内科. ', '山田医院.'])).toEqual(['さくら医院.pdf', 'みなみ内科.pdf', '山田医院.pdf']);
  });

  it('keeps clear of the names Windows reserves for devices, and names a clinic with no usable letters', () => {
    expect(clinicFileNames(['CON', '...'])).toEqual(['CON_.pdf', '医療機関.pdf']);
  });
});
