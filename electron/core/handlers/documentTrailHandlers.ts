import { documentTrailMessages as m } from '../../../shared/messages/documentTrailMessages.ts';
import { safeFileName } from '../../../shared/text/safeFileName.ts';
import { getClinic } from '../db/repos/clinicRecords.ts';
import { getInquiry } from '../db/repos/inquiries.ts';
import { AppError } from '../errors.ts';
import { showOutput, type DocumentTrailDeps } from '../jobs/documentTrail.ts';
import { writeDocumentTrail } from '../jobs/documentTrailExport.ts';
import type { HandlerMap } from './handlerMap.ts';

type DocumentTrailChannels = 'documents.show' | 'documents.exportTrail';

/** 「送付した書類を表示」 with its hash re-checked, and a clinic's or an inquiry's trail for an audit. */
export function documentTrailHandlers(deps: DocumentTrailDeps): Pick<HandlerMap, DocumentTrailChannels> {
  const { db, files } = deps;
  return {
    'documents.show': ({ outputId }) => showOutput(deps, outputId),
    'documents.exportTrail': async (input) => {
      const by: { clinicId: string } | { inquiryId: string } = 'clinicId' in input ? { clinicId: input.clinicId } : { inquiryId: input.inquiryId };
      const subject = 'clinicId' in by ? getClinic(db, by.clinicId)?.name : getInquiry(db, by.inquiryId)?.receiptNumber;
      if (subject === undefined) throw new AppError('NOT_FOUND');
      const { fileId, path } = files.reservePath();
      const rows = await writeDocumentTrail(db, by, input.format, path);
      const mime = input.format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      const file = files.adopt(fileId, path, safeFileName(`${m.trailSheetName}_${subject}.${input.format}`), mime);
      return { file, rows };
    },
  };
}
