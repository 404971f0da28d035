import type { Ref } from 'react';
import { ClinicPicker as RecordsClinicPicker, type ClinicPickerHandle } from '../../components/ClinicPicker.tsx';
import { useQuoteStore } from '../../stores/quoteStore.ts';

export type { ClinicPickerHandle };

/** The quote's clinic: choosing one fills in 種別 from the record. */
export function ClinicPicker({ describedBy, ref }: { describedBy?: string; ref?: Ref<ClinicPickerHandle> }) {
  const clinic = useQuoteStore((s) => s.clinic);
  const chooseClinic = useQuoteStore((s) => s.chooseClinic);
  const clearClinic = useQuoteStore((s) => s.clearClinic);
  return (
    <RecordsClinicPicker
      ref={ref}
      clinic={clinic}
      onChoose={chooseClinic}
      onClear={clearClinic}
      limit={8}
      label="医療機関"
      hint="記録から選ぶと種別が入ります（任意）。名前・ふりがな・電話番号の一部で探せます"
      describedBy={describedBy}
    />
  );
}
