import { ClinicPicker } from '../../components/ClinicPicker.tsx';
import { usePrintStore } from '../../stores/printStore.ts';

/** The document's clinic; without one the form is printed blank for handwriting. */
export function PrintClinicPicker() {
  const clinic = usePrintStore((s) => s.clinic);
  const chooseClinic = usePrintStore((s) => s.chooseClinic);
  const clearClinic = usePrintStore((s) => s.clearClinic);
  const searchClinics = usePrintStore((s) => s.searchClinics);
  return (
    <ClinicPicker
      clinic={clinic}
      onChoose={chooseClinic}
      onClear={clearClinic}
      search={searchClinics}
      label="医療機関（任意）"
      hint="選ぶと、その医療機関の内容を記入した票になります。選ばなければ手書き用の白紙です。名前・ふりがな・電話番号の一部で探せます"
    />
  );
}
