import { create } from 'zustand';
import type { DocumentOutputAction, SentBy } from '../../../shared/documents/documentOutput.ts';
import { call, printFile, saveFile } from '../api/client.ts';
import { errorMessageOf } from '../api/ApiError.ts';
import { formatCount } from '../format/formatNumber.ts';
import { usePrintRenderStore, type PrintResult } from './printRenderStore.ts';
import { usePrintStatusOfferStore } from './printStatusOfferStore.ts';
import { usePrintHandoverOfferStore } from './printHandoverOfferStore.ts';

export interface OutputMessage {
  text: string;
  kind: 'success' | 'info' | 'error';
}

interface PrintOutputState {
  /** 「PDFを保存」 or 「印刷」 under way. */
  busy: DocumentOutputAction | null;
  outputMessage: OutputMessage | null;
  /** 送付方法 as chosen for this PDF (recorded with it; null: not said). */
  sentBy: SentBy | null;
  /** The FAX number it goes to, as dialled: recorded when sentBy is FAX. */
  faxNumber: string;
  chooseSentBy(sentBy: SentBy | null, faxNumber?: string): void;
  editFaxNumber(faxNumber: string): void;
  save(): Promise<void>;
  print(): Promise<void>;
}

/** What happens to the made PDF: 保存, 印刷, and the record of it on every clinic in it. */
export const usePrintOutputStore = create<PrintOutputState>()((set, get) => {
  // A new or forgotten PDF starts without a line about the previous one.
  usePrintRenderStore.subscribe((render, previous) => {
    if (render.result !== previous.result) set({ outputMessage: null, sentBy: render.result?.sentBy ?? null, faxNumber: '' });
  });

  const current = () => usePrintRenderStore.getState().result;

  /** Records a save or print on the clinics of the PDF and says so; offers 資料送付済 for a new inquiry. */
  const recordOutput = async (result: PrintResult, action: DocumentOutputAction, done: string) => {
    try {
      const { sentBy, faxNumber } = get();
      const recorded = await call('documents.recordOutput', {
        fileId: result.file.fileId,
        action,
        sentBy,
        faxNumber: sentBy === 'fax' && faxNumber.trim() ? faxNumber.trim() : null,
      });
      if (current() !== result) return;
      const note =
        recorded.recorded > 0
          ? `${formatCount(recorded.recorded)}の医療機関に送付の記録を残しました。`
          : result.clinics > 0
            ? '送付の記録は残してあります。'
            : recorded.onTrail
              ? '送付の記録（宛先なし）を残しました。'
              : '';
      set({ outputMessage: { kind: 'success', text: `${done}${note}` } });
      if (recorded.inquiry) usePrintStatusOfferStore.getState().offer(recorded.inquiry, result.file.fileId);
      if (recorded.inquiry && result.documents?.includes('importantMatters')) usePrintHandoverOfferStore.getState().offer(recorded.inquiry, result.file.fileId);
    } catch (error) {
      if (current() !== result) return;
      set({
        outputMessage: {
          kind: 'error',
          text: `${done}ただし、送付の記録を残せませんでした（${errorMessageOf(error, 'もう一度お試しください')}）。`,
        },
      });
    }
  };

  return {
    busy: null,
    outputMessage: null,
    sentBy: null,
    faxNumber: '',

    chooseSentBy(sentBy, faxNumber) {
      set(faxNumber === undefined ? { sentBy } : { sentBy, faxNumber });
    },
    editFaxNumber(faxNumber) {
      set({ faxNumber });
    },

    async save() {
      const result = current();
      if (!result || get().busy) return;
      set({ busy: 'saved', outputMessage: null });
      try {
        if (await saveFile(result.file)) await recordOutput(result, 'saved', `${result.file.name} を保存しました。`);
        else set({ outputMessage: { kind: 'info', text: '保存を取りやめました。' } });
      } catch (error) {
        set({ outputMessage: { kind: 'error', text: errorMessageOf(error, 'PDFを保存できませんでした。もう一度お試しください。') } });
      } finally {
        set({ busy: null });
      }
    },

    async print() {
      const result = current();
      if (!result || get().busy) return;
      set({ busy: 'printed', outputMessage: null });
      try {
        await printFile(result.file);
        await recordOutput(result, 'printed', `${result.file.name} を開きました。表示されたアプリから印刷してください。`);
      } catch (error) {
        set({ outputMessage: { kind: 'error', text: errorMessageOf(error, 'PDFを開けませんでした。「PDFを保存」で保存してから印刷してください。') } });
      } finally {
        set({ busy: null });
      }
    },
  };
});
