import { ClinicPicker } from '../../components/ClinicPicker.tsx';
import { usePrintStore } from '../../stores/printStore.ts';

/** The one clinic the documents are filled in for. */
export function PrintClinicPicker() {
  const clinic = usePrintStore((s) => s.clinic);
  const chooseClinic = usePrintStore((s) => s.chooseClinic);
  const clearClinic = usePrintStore((s) => s.clearClinic);
  return (
    <ClinicPicker
      clinic={clinic}
      onChoose={chooseClinic}
      onClear={clearClinic}
      limit={20}
      label="医療機関"
      hint="名前・ふりがな・電話番号の一部で探せます。選んだ医療機関の名前や連絡先が書類に入ります"
    />
  );
}
