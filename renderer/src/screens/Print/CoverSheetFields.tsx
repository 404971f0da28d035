import { coverInputSchema } from '../../../../shared/contract/documentJobKinds.ts';
import { FormField } from '../../components/FormField.tsx';
import { formatNumber } from '../../format/formatNumber.ts';
import { usePrintChoicesStore } from '../../stores/printChoicesStore.ts';
import { usePrintRenderStore } from '../../stores/printRenderStore.ts';
import { retentionMessages } from '../../../../shared/messages/retentionMessages.ts';

const maxSubjectChars = coverInputSchema.shape.subject.unwrap().maxLength ?? 60;
const maxPersonChars = coverInputSchema.shape.person.unwrap().maxLength ?? 40;
const maxMessageChars = coverInputSchema.shape.message.unwrap().maxLength ?? 600;

/** 送付状: the wording of the FAX cover sheet; the recipient and sender come from the records. */
export function CoverSheetFields() {
  const cover = usePrintChoicesStore((s) => s.cover);
  const errors = usePrintRenderStore((s) => s.fieldErrors);
  const editCover = usePrintChoicesStore((s) => s.editCover);
  return (
    <fieldset className="print-group print-cover">
      <legend className="print-label">送付状</legend>
      <FormField id="print-cover-subject" label="件名" required error={errors['cover.subject']}>
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={maxSubjectChars}
            value={cover.subject}
            onChange={(e) => editCover({ subject: e.target.value })}
          />
        )}
      </FormField>
      <FormField id="print-cover-person" label="ご担当者名" hint="空欄なら医療機関に登録された担当者名" error={errors['cover.person']}>
        {(control) => (
          <input {...control} type="text" maxLength={maxPersonChars} value={cover.person} onChange={(e) => editCover({ person: e.target.value })} />
        )}
      </FormField>
      <FormField id="print-cover-message" label="通信欄" notice={retentionMessages.noPatientData} error={errors['cover.message']}>
        {(control) => (
          <>
            <textarea
              {...control}
              rows={4}
              maxLength={maxMessageChars}
              aria-describedby={[control['aria-describedby'], 'print-cover-message-count'].filter(Boolean).join(' ')}
              value={cover.message}
              onChange={(e) => editCover({ message: e.target.value })}
            />
            <p id="print-cover-message-count" className="field-hint print-counter">
              {formatNumber(cover.message.length)} / {formatNumber(maxMessageChars)}文字
            </p>
          </>
        )}
      </FormField>
      <FormField
        id="print-cover-extra-pages"
        label="別に送る枚数"
        hint="枚数（本紙を含む）はPDFのページ数から自動で数えます。紙で別に送る分があれば入力してください"
        error={errors['cover.extraPages']}
      >
        {(control) => (
          <input
            {...control}
            type="number"
            className="print-number"
            min={0}
            max={99}
            step={1}
            inputMode="numeric"
            value={cover.extraPages}
            onChange={(e) => editCover({ extraPages: e.target.value })}
          />
        )}
      </FormField>
    </fieldset>
  );
}
