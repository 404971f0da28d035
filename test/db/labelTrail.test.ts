import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { createClinic } from '../../electron/core/db/repos/clinicRecords.ts';
import { clinicSummary } from '../../electron/core/db/repos/clinicSummary.ts';
import { documentOutputHistory, recordDocumentOutput } from '../../electron/core/db/repos/documentOutputs.ts';
import { findMailingRecipients } from '../../electron/core/db/repos/mailingRecipients.ts';
import { removeUnreferencedKeptFiles } from '../../electron/core/jobs/documentTrail.ts';
import { clinicInputSchema } from '../../shared/domain/clinic.ts';
import { mailingFilterSchema } from '../../shared/domain/mailingRecipients.ts';
import { tempDir } from '../helpers/tempDir.ts';

const at = (iso: string) => ({ machineId: 'm', now: () => new Date(iso) });

function office() {
  const db = openDatabase(path.join(tempDir(), 'labels.sqlite3'));
  migrate(db, migrations);
  const clinic = (name: string) => createClinic(db, clinicInputSchema.parse({ name, address: '鹿児島県霧島市国分中央1-1', postalCode: '899-4301' }), at('2026-11-01T00:00:00Z')).id;
  return { db, sent: clinic('霧島の内科'), labelOnly: clinic('霧島の眼科') };
}

/** The documents, then the labels for the envelopes, as a postal mailing goes; the labels are printed last. */
function postalMailing(db: Db, clinicIds: string[], documentsTo: string[]) {
  recordDocumentOutput(db, { outputKey: 'docs', documents: ['faxCoverSheet', 'flyer'], clinicIds: documentsTo, inquiryId: null, sentBy: 'post' }, 'printed', at('2026-11-02T01:00:00Z'));
  recordDocumentOutput(db, { outputKey: 'labels', documents: ['addressLabels'], clinicIds, inquiryId: null, sentBy: 'post' }, 'printed', at('2026-11-02T02:00:00Z'));
}

describe('宛名ラベル on the trail', () => {
  it('最後に送った書類 is the documents, not the labels printed after them; the labels stay on the trail', () => {
    const { db, sent } = office();
    postalMailing(db, [sent], [sent]);
    expect(clinicSummary(db, sent, '2026-11-03').lastOutput?.documents).toEqual(['faxCoverSheet', 'flyer']);
    expect(documentOutputHistory(db, { clinicId: sent }).map((output) => output.documents)).toEqual([['addressLabels'], ['faxCoverSheet', 'flyer']]);
    db.close();
  });

  it('a clinic that only had a label printed has still been sent nothing: まだ何も送っていない finds it, and its summary says so', () => {
    const { db, sent, labelOnly } = office();
    // The run was stopped after the labels: the documents went to one clinic only.
    postalMailing(db, [sent, labelOnly], [sent]);
    const neverSent = findMailingRecipients(db, mailingFilterSchema.parse({ neverSent: true }), 50).items.map((c) => c.name);
    expect(neverSent).toEqual(['霧島の眼科']);
    expect(clinicSummary(db, labelOnly, '2026-11-03').lastOutput).toBeNull();
    db.close();
  });

  it('a sheet of labels kept by an earlier version cannot be shown and goes at the next clean-up, while a document kept for a clinic stays', () => {
    const { db, sent, labelOnly } = office();
    const documentsDir = tempDir();
    fs.mkdirSync(path.join(documentsDir, '2026'));
    for (const file of ['docs.pdf', 'sheet.pdf']) fs.writeFileSync(path.join(documentsDir, '2026', file), '%PDF-1.7\n');
    const subject = { documents: ['addressLabels' as const], clinicIds: [sent, labelOnly], inquiryId: null, sha256: 'a'.repeat(64), sentBy: 'post' as const };
    recordDocumentOutput(db, { ...subject, outputKey: 'labels' }, 'printed', at('2026-11-02T02:00:00Z'), { sentBy: 'post', faxNumber: null, actor: null, keptFile: '2026/sheet.pdf' });
    recordDocumentOutput(db, { outputKey: 'docs', documents: ['flyer'], clinicIds: [sent], inquiryId: null, sha256: 'b'.repeat(64) }, 'printed', at('2026-11-02T01:00:00Z'), {
      sentBy: 'post',
      faxNumber: null,
      actor: null,
      keptFile: '2026/docs.pdf',
    });
    expect(documentOutputHistory(db, { clinicId: sent }).map((output) => [output.documents, output.canShow])).toEqual([
      [['addressLabels'], false],
      [['flyer'], true],
    ]);
    expect(removeUnreferencedKeptFiles(db, documentsDir)).toBe(1);
    expect(fs.readdirSync(path.join(documentsDir, '2026'))).toEqual(['docs.pdf']);
    db.close();
  });
});
