import { ClinicPicker } from '../../components/ClinicPicker.tsx';
import { usePrintChoicesStore } from '../../stores/printChoicesStore.ts';

/**
 * The one clinic the documents are filled in for. A 送付不要 clinic can still be printed for (staff
 * may hand the documents over at the counter), with a warning that says so.
 */
export function PrintClinicPicker() {
  const clinic = usePrintChoicesStore((s) => s.clinic);
  const chooseClinic = usePrintChoicesStore((s) => s.chooseClinic);
  const clearClinic = usePrintChoicesStore((s) => s.clearClinic);
  return (
    <>
      <ClinicPicker
        clinic={clinic}
        onChoose={chooseClinic}
        onClear={clearClinic}
        limit={20}
        label="医療機関"
        hint="名前・ふりがな・電話番号の一部で探せます。選んだ医療機関の名前や連絡先が書類に入ります"
      />
      {clinic?.noMailing && (
        <p role="status" className="message message-info print-no-mailing-warning">
          この医療機関は「送付不要」です{clinic.noMailingReason && `（${clinic.noMailingReason}）`}。郵送やFAXでは送らず、窓口でお渡しする場合などに作成してください。
        </p>
      )}
    </>
  );
}
