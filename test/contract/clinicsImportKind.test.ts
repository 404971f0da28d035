import { describe, expect, it } from 'vitest';
import { openReadOnlyDatabase } from '../../electron/core/db/connection.ts';
import type { JobResult } from '../../shared/contract/index.ts';
import { call, startTestHost, uploadFile, waitForJob, type TestHost } from '../helpers/testHost.ts';

async function run<K extends 'clinics.previewImport' | 'clinics.importCsv'>(t: TestHost, kind: K, input: object): Promise<JobResult<K>> {
  const started = await call(t, 'jobs.start', { kind, input });
  const job = await waitForJob(t, started.body.result.jobId);
  expect(job.state, JSON.stringify(job.error)).toBe('succeeded');
  return job.result as JobResult<K>;
}

function storedKinds(t: TestHost): Record<string, string> {
  const db = openReadOnlyDatabase(t.core.dbPath);
  try {
    return Object.fromEntries(db.prepare('SELECT name, kind FROM clinics').raw().all() as [string, string][]);
  } finally {
    db.close();
  }
}

const utf8 = (lines: string[]) => Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');

// The shape of the public list of every medical institution in Japan: no 種別 column.
const withoutKind = utf8([
  '医療機関名,病床数,所在地,電話番号',
  '医療法人 さくら会 さくら病院,120,鹿児島市山下町5-1,099-123-4567',
  '霧島眼科,0,霧島市国分中央3-1,0995-45-0000',
  '髙﨑レディースクリニック,19,鹿児島市中央町1-1,099-254-8126',
  '介護老人保健施設 ひまわり苑,,指宿市十二町2290,0993-22-2111',
]);

describe('名簿の取り込み: 種別 is never guessed', () => {
  it('a list without a 種別 column: every clinic stored 未確認, the hospital by name only suggested', async () => {
    const t = await startTestHost();
    const fileId = await uploadFile(t, '全国医療機関.csv', withoutKind);
    const seen = await run(t, 'clinics.previewImport', { fileId });
    expect(seen).toMatchObject({ willImport: 4, rejected: 0, unconfirmedKinds: 4, kindQuestionCount: 1, suggestedKinds: 1 });
    expect(seen.kindQuestions).toEqual([{ row: 2, clinic: '医療法人 さくら会 さくら病院', field: '種別', message: expect.stringMatching(/病院かもしれません/) }]);

    const done = await run(t, 'clinics.importCsv', { fileId });
    expect(done).toMatchObject({ imported: 4, unconfirmedKinds: 4 });
    expect(Object.values(storedKinds(t))).toEqual(['unconfirmed', 'unconfirmed', 'unconfirmed', 'unconfirmed']);
  });

  it('the words people type decide the 種別; a 診療所 its beds cannot decide is asked about', async () => {
    const t = await startTestHost();
    const fileId = await uploadFile(
      t,
      '名簿.csv',
      utf8([
        '医療機関名,種別,病床数',
        'A医院,無床,0',
        'B医院,有床,12',
        'C医院,診療所,0',
        'D医院,診療所,5',
        'E医院,診療所,',
        'F医院,診療所,30',
        'G苑,老健,',
        'H病院,病院,200',
        'I医院,歯医者,',
      ]),
    );
    const seen = await run(t, 'clinics.previewImport', { fileId });
    expect(seen).toMatchObject({ willImport: 9, rejected: 0, unconfirmedKinds: 3, kindQuestionCount: 3 });
    expect(seen.kindQuestions.map((q) => [q.row, q.clinic])).toEqual([[6, 'E医院'], [7, 'F医院'], [10, 'I医院']]);

    await run(t, 'clinics.importCsv', { fileId });
    expect(storedKinds(t)).toEqual({
      A医院: 'clinic_no_beds',
      B医院: 'clinic_with_beds',
      C医院: 'clinic_no_beds',
      D医院: 'clinic_with_beds',
      E医院: 'unconfirmed',
      F医院: 'unconfirmed',
      G苑: 'geriatric_facility',
      H病院: 'hospital',
      I医院: 'unconfirmed',
    });
  });

  it('an update from a list without 種別 keeps the 種別 staff chose', async () => {
    const t = await startTestHost();
    await call(t, 'clinics.create', { name: '医療法人 さくら会 さくら病院', kind: 'hospital', bedCount: 120, phone: '099-123-4567' });
    const fileId = await uploadFile(t, '全国医療機関.csv', withoutKind);
    const seen = await run(t, 'clinics.previewImport', { fileId, onMatch: 'update' });
    expect(seen).toMatchObject({ willImport: 3, unconfirmedKinds: 3, kindQuestionCount: 0 });
    await run(t, 'clinics.importCsv', { fileId, onMatch: 'update' });
    expect(storedKinds(t)['医療法人 さくら会 さくら病院']).toBe('hospital');
  });

  it('staff may accept the suggestion for all such rows at once: only then is a name with 病院 stored as 病院', async () => {
    const t = await startTestHost();
    const fileId = await uploadFile(t, '全国医療機関.csv', withoutKind);
    const seen = await run(t, 'clinics.previewImport', { fileId, acceptSuggestedKinds: true });
    expect(seen).toMatchObject({ willImport: 4, unconfirmedKinds: 3, kindQuestionCount: 0, suggestedKinds: 1 });
    const done = await run(t, 'clinics.importCsv', { fileId, acceptSuggestedKinds: true });
    expect(done).toMatchObject({ imported: 4, unconfirmedKinds: 3 });
    expect(storedKinds(t)).toMatchObject({ '医療法人 さくら会 さくら病院': 'hospital', 霧島眼科: 'unconfirmed', '介護老人保健施設 ひまわり苑': 'unconfirmed' });
  });
});
