import type { Clinic } from '../../../../shared/domain/clinic.ts';
import { usePrintChoicesStore } from '../../stores/printChoicesStore.ts';
import { useQuoteStore } from '../../stores/quoteStore.ts';
import { useUiStore } from '../../stores/uiStore.ts';

/**
 * What the counter does with a clinic, at the top of it rather than below the whole form:
 * register its inquiry, quote it (種別 filled in from the record), print for it (this clinic chosen).
 */
export function ClinicActions({ clinic, onRegisterInquiry }: { clinic: Clinic; onRegisterInquiry(): void }) {
  const quote = () => {
    useQuoteStore.getState().chooseClinic(clinic);
    void useUiStore.getState().navigate('quote');
  };
  const print = () => {
    const choices = usePrintChoicesStore.getState();
    choices.chooseRecipient('one');
    choices.chooseClinic(clinic);
    void useUiStore.getState().navigate('print');
  };
  return (
    <div className="clinic-actions" role="group" aria-label="この医療機関で">
      <button type="button" className="button button-primary" onClick={onRegisterInquiry}>
        問い合わせを登録
      </button>
      <button type="button" className="button" onClick={quote}>
        保険料試算
      </button>
      <button type="button" className="button" onClick={print}>
        印刷
      </button>
    </div>
  );
}
