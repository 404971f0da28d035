import { create } from 'zustand';
import type { JobInput } from '../../../shared/contract/jobs.ts';
import { call } from '../api/client.ts';
import { errorMessageOf } from '../api/ApiError.ts';
import { usePrintRenderStore } from './printRenderStore.ts';

type RenderInput = JobInput<'documents.render'>;

interface MailingFaxState {
  /** The chosen clinics without a FAX number, shown before a FAX mailing is made; null: nothing asked. */
  withoutFax: { items: readonly { id: string; name: string }[]; input: RenderInput } | null;
  checking: boolean;
  /** 「PDFを作成」: a FAX mailing first asks about clinics it cannot reach, anything else is made at once. */
  make(input: RenderInput): Promise<void>;
  /** 「除いて作成」 or 「郵送に回す」. */
  decide(withoutFax: 'leaveOut' | 'post'): void;
  /** やめる (or Esc): nothing is made. */
  dismiss(): void;
}

/** The question a FAX mailing asks before it is made: what to do with the clinics without a FAX number. */
export const useMailingFaxStore = create<MailingFaxState>()((set, get) => ({
  withoutFax: null,
  checking: false,

  async make(input) {
    const render = usePrintRenderStore.getState();
    if (input.mailing?.sentBy !== 'fax' || !input.clinicIds?.length) return render.render(input);
    set({ checking: true });
    let items: readonly { id: string; name: string }[];
    try {
      items = (await call('mailing.withoutFax', { clinicIds: input.clinicIds })).items;
    } catch (error) {
      render.refuse(errorMessageOf(error, 'FAX番号の有無を確かめられませんでした。もう一度お試しください。'), {});
      return;
    } finally {
      // Only the question is checking: the render that follows is the render store's to show.
      set({ checking: false });
    }
    if (items.length === 0) await render.render(input);
    else set({ withoutFax: { items, input } });
  },

  decide(withoutFax) {
    const pending = get().withoutFax;
    if (!pending) return;
    set({ withoutFax: null });
    const { input } = pending;
    void usePrintRenderStore.getState().render({ ...input, mailing: { sentBy: input.mailing?.sentBy ?? 'fax', withoutFax } });
  },

  dismiss() {
    set({ withoutFax: null });
  },
}));
