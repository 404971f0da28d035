import { create } from 'zustand';
import type { ContentPack } from '../../../shared/content/contentPackSchema.ts';
import type { FileRef } from '../../../shared/contract/files.ts';
import { fieldMessages } from '../../../shared/contract/issues.ts';
import { coverInputSchema, defaultCoverSubject, type CoverInput, type JobInput, type JobState } from '../../../shared/contract/jobs.ts';
import { limits } from '../../../shared/contract/limits.ts';
import { documentKinds, inSetOrder, type DocumentKind } from '../../../shared/documents/documentKinds.ts';
import type { DocumentOutputAction } from '../../../shared/documents/documentOutput.ts';
import { quoteSheetProblem } from '../../../shared/documents/quoteSheet.ts';
import type { Clinic } from '../../../shared/domain/clinic.ts';
import { inquiryStatusLabels, type Inquiry } from '../../../shared/domain/inquiry.ts';
import type { SavedQuote } from '../../../shared/quote/savedQuote.ts';
import { call, printFile, readFile, runJob, saveFile } from '../api/client.ts';
import { ApiError, errorMessageOf } from '../api/ApiError.ts';
import { formatCount } from '../format/formatNumber.ts';
import { useInquiriesStore } from './inquiriesStore.ts';
import { usePrintBatchStore } from './printBatchStore.ts';
import { usePrintHistoryStore } from './printHistoryStore.ts';

const clinicSearchLimit = 20;
const materialsSentReason = '印刷の画面から資料を送付';

export type PrintPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** Who the documents are for: blank forms for handwriting, one clinic, or a mailing. */
export type PrintRecipient = 'blank' | 'one' | 'batch';

/** What staff type for the FAX送付状, as typed (枚数 too, so that an empty box stays empty). */
export interface CoverDraft {
  subject: string;
  person: string;
  message: string;
  extraPages: string;
}

/** The PDF the last 「PDFを作成」 made. */
export interface PrintResult {
  file: FileRef;
  pages: number;
  /** Clinics it was made for (0: blank forms or the flyer alone). */
  clinics: number;
  /** The bytes for the in-app preview; null when they cannot be shown (then: save and open). */
  bytes: Uint8Array | null;
  /** Why there is no preview, when bytes is null. */
  noPreview: 'tooLarge' | 'unreadable' | null;
}

export interface OutputMessage {
  text: string;
  kind: 'success' | 'info' | 'error';
}

/** The inquiry the saved or printed PDF came from, while it may be moved to 資料送付済. */
export interface StatusOffer {
  inquiryId: string;
  receiptNumber: string;
  /** The inquiry's revision when the PDF was recorded: a change made since then is not overwritten. */
  revision: number;
  saving: boolean;
  error: string | null;
}

/** What the user has chosen on the left: everything 「PDFを作成」 depends on. */
export interface PrintChoices {
  documents: readonly DocumentKind[];
  recipient: PrintRecipient;
  clinic: Clinic | null;
  /** '' = the clinic only, without a 受付番号. */
  inquiryId: string;
  /** The chosen inquiry's saved quotes, newest first; null while not loaded. */
  quotes: SavedQuote[] | null;
  quotesError: string | null;
  quoteId: string;
}

interface PrintState extends PrintChoices {
  /** The chosen clinic's inquiries; null while not loaded. */
  inquiries: Inquiry[] | null;
  inquiriesError: string | null;
  cover: CoverDraft;
  /** Japanese messages from the core by field (cover.subject, quoteId, …), shown next to the fields. */
  fieldErrors: Readonly<Record<string, string>>;
  phase: PrintPhase;
  progress: JobState['progress'] | null;
  /** Japanese line about the outcome of making the PDF (failed or cancelled). */
  message: string | null;
  result: PrintResult | null;
  /** 「PDFを保存」 or 「印刷」 under way. */
  busy: DocumentOutputAction | null;
  outputMessage: OutputMessage | null;
  statusOffer: StatusOffer | null;
  /** Japanese line after the inquiry was moved to 資料送付済. */
  statusMessage: string | null;
  toggleDocument(kind: DocumentKind, chosen: boolean): void;
  chooseRecipient(recipient: PrintRecipient): void;
  chooseClinic(clinic: Clinic): void;
  clearClinic(): void;
  chooseInquiry(inquiryId: string): void;
  chooseQuote(quoteId: string): void;
  editCover(patch: Partial<CoverDraft>): void;
  searchClinics(query: string): Promise<{ items: Clinic[]; total: number; capped: boolean }>;
  render(): Promise<void>;
  cancel(): void;
  save(): Promise<void>;
  print(): Promise<void>;
  acceptStatusOffer(): Promise<void>;
  declineStatusOffer(): void;
}

/** Whether any chosen document is addressed to a clinic (all but the flyer). */
export function needsRecipient(documents: readonly DocumentKind[]): boolean {
  return documents.some((kind) => documentKinds[kind].perClinic);
}

/** The saved quote chosen for the 保険料試算書, if any. */
export function chosenQuote(choices: Pick<PrintChoices, 'quotes' | 'quoteId'>): SavedQuote | undefined {
  return choices.quotes?.find((q) => q.id === choices.quoteId);
}

/** Why a 保険料試算書 cannot be made with these choices, in Japanese; null when it can. */
function quoteSheetBlock(choices: PrintChoices, pack: ContentPack | null): string | null {
  if (choices.recipient !== 'one') {
    return '保険料試算書は医療機関ごとに1通ずつ作ります（白紙や一括作成には入れられません）。宛先で「医療機関を1件選ぶ」を選び、問い合わせと試算を選んでください。';
  }
  if (!choices.clinic) return '保険料試算書を作るには、医療機関と、試算を保存した問い合わせを選んでください。';
  if (!choices.inquiryId) return '保険料試算書を作るには、試算を保存した問い合わせを選んでください。';
  if (choices.quotesError) return '保存した試算を読み込めなかったため、保険料試算書を作れません。';
  if (choices.quotes === null) return '保存した試算を読み込んでいます…';
  if (choices.quotes.length === 0) return 'この問い合わせには保存した試算がありません。「保険料試算」の画面で試算して保存してください。';
  const quote = chosenQuote(choices);
  if (!quote) return '試算書にする試算を選んでください。';
  if (!pack) return '商品の内容を読み込んでいます…';
  return quoteSheetProblem(pack, quote.snapshot);
}

/** Why 「PDFを作成」 cannot run with these choices, in Japanese; null when it can. */
export function renderBlockReason(choices: PrintChoices, batchCount: number, pack: ContentPack | null): string | null {
  if (choices.documents.length === 0) return '送る書類を1つ以上選んでください。';
  if (!needsRecipient(choices.documents)) return null;
  if (choices.documents.includes('quoteSheet')) {
    const block = quoteSheetBlock(choices, pack);
    if (block) return block;
  }
  if (choices.recipient === 'one' && !choices.clinic) return '医療機関を選んでください。手書き用なら宛先で「白紙（手書き用）」を選んでください。';
  if (choices.recipient === 'batch' && batchCount === 0) return '一括作成する医療機関を選んでください。';
  return null;
}

/** The job input for the current choices; the core puts the documents in envelope order again. */
function renderInput(state: PrintState): JobInput<'documents.render'> {
  const documents = inSetOrder(state.documents);
  const input: JobInput<'documents.render'> = { documents };
  // A document that is the same for everyone (the flyer alone) is never sent a clinic.
  if (needsRecipient(documents)) {
    if (state.recipient === 'one' && state.inquiryId) input.inquiryId = state.inquiryId;
    else if (state.recipient === 'one' && state.clinic) input.clinicIds = [state.clinic.id];
    else if (state.recipient === 'batch') input.clinicIds = [...usePrintBatchStore.getState().selectedIds];
    if (documents.includes('quoteSheet') && state.quoteId) input.quoteId = state.quoteId;
  }
  if (documents.includes('faxCoverSheet')) input.cover = coverInput(state.cover);
  return input;
}

/** The 送付状 as the job takes it; an empty 枚数 box means no extra pages. */
function coverInput({ subject, person, message, extraPages }: CoverDraft): CoverInput {
  return { subject, person, message, extraPages: extraPages.trim() === '' ? 0 : Number(extraPages) };
}

/** The 送付状 fields checked with the contract's own schema before anything is sent. */
function coverFieldErrors(state: PrintState): Record<string, string> {
  if (!state.documents.includes('faxCoverSheet')) return {};
  const parsed = coverInputSchema.safeParse(coverInput(state.cover));
  if (parsed.success) return {};
  return Object.fromEntries(Object.entries(fieldMessages(parsed.error)).map(([key, message]) => [`cover.${key}`, message]));
}

/** Field errors of a failed run, keyed as the screen names its fields ("cover.subject", "quoteId"). */
function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(Object.entries(error.fields).map(([key, message]) => [key.replace(/^input\./, ''), message]));
}

const initialCover: CoverDraft = { subject: defaultCoverSubject, person: '', message: '', extraPages: '0' };

// The abort controller is not state to render, so it lives beside the store.
let renderController: AbortController | null = null;
// Lists that arrive after the clinic or inquiry changed again are dropped.
let inquiriesTicket = 0;
let quotesTicket = 0;
// 「今はしない」 holds for the PDF it was said to; saving it again does not ask again.
let offerDeclinedFor: string | null = null;

/**
 * The 印刷 screen: which documents, for whom (blank, one clinic or inquiry, or a mailing), the
 * 送付状's wording, the job that makes the PDF, and what happens to it (保存, 印刷, the record).
 */
export const usePrintStore = create<PrintState>()((set, get) => {
  /** Any change to what is asked for makes the shown PDF stale, so it goes (a running job stops). */
  const forgetResult = () => {
    renderController?.abort();
    renderController = null;
    set({ result: null, phase: 'idle', progress: null, message: null, outputMessage: null, statusOffer: null, statusMessage: null });
  };

  usePrintBatchStore.subscribe((batch, previous) => {
    if (batch.selectedIds !== previous.selectedIds && get().recipient === 'batch') forgetResult();
  });

  const clearFieldError = (...keys: string[]) => {
    const errors = get().fieldErrors;
    if (!keys.some((key) => key in errors)) return;
    set({ fieldErrors: Object.fromEntries(Object.entries(errors).filter(([key]) => !keys.includes(key))) });
  };

  const loadQuotes = (inquiryId: string) => {
    const ticket = ++quotesTicket;
    set({ quotes: null, quotesError: null, quoteId: '' });
    if (!inquiryId) return;
    call('quotes.list', { inquiryId }).then(
      ({ items }) => {
        if (ticket !== quotesTicket) return;
        const quotes = [...items].reverse();
        set({ quotes, quoteId: quotes[0]?.id ?? '' });
      },
      (error: unknown) => {
        if (ticket === quotesTicket) set({ quotes: [], quotesError: errorMessageOf(error, '保存した試算を読み込めませんでした。') });
      },
    );
  };

  /** Records a save or print on the clinics of the PDF and says so; offers 資料送付済 for a new inquiry. */
  const recordOutput = async (result: PrintResult, action: DocumentOutputAction, done: string) => {
    try {
      const recorded = await call('documents.recordOutput', { fileId: result.file.fileId, action });
      usePrintHistoryStore.getState().recorded();
      if (get().result !== result) return;
      const note =
        recorded.recorded > 0
          ? `${formatCount(recorded.recorded)}の医療機関に送付の記録を残しました。`
          : result.clinics > 0
            ? '送付の記録は残してあります。'
            : '';
      const inquiry = recorded.inquiry;
      const ask = inquiry !== null && inquiry.status === 'new' && offerDeclinedFor !== result.file.fileId;
      set({
        outputMessage: { kind: 'success', text: `${done}${note}` },
        statusOffer: ask ? (get().statusOffer ?? { inquiryId: inquiry.id, receiptNumber: inquiry.receiptNumber, revision: inquiry.revision, saving: false, error: null }) : null,
      });
    } catch (error) {
      if (get().result !== result) return;
      set({
        outputMessage: {
          kind: 'error',
          text: `${done}ただし、送付の記録を残せませんでした（${errorMessageOf(error, 'もう一度お試しください')}）。`,
        },
      });
    }
  };

  return {
    documents: ['inquiryFaxSheet'],
    recipient: 'blank',
    clinic: null,
    inquiries: null,
    inquiriesError: null,
    inquiryId: '',
    quotes: null,
    quotesError: null,
    quoteId: '',
    cover: initialCover,
    fieldErrors: {},
    phase: 'idle',
    progress: null,
    message: null,
    result: null,
    busy: null,
    outputMessage: null,
    statusOffer: null,
    statusMessage: null,

    toggleDocument(kind, chosen) {
      const documents = get().documents;
      if (chosen === documents.includes(kind)) return;
      set({ documents: inSetOrder(chosen ? [...documents, kind] : documents.filter((k) => k !== kind)) });
      clearFieldError('documents', 'quoteId');
      forgetResult();
    },

    chooseRecipient(recipient) {
      if (recipient === get().recipient) return;
      set({ recipient });
      clearFieldError('clinicIds', 'quoteId', 'documents');
      forgetResult();
    },

    chooseClinic(clinic) {
      const ticket = ++inquiriesTicket;
      set({ clinic, inquiries: null, inquiriesError: null, inquiryId: '' });
      loadQuotes('');
      clearFieldError('clinicIds', 'quoteId');
      forgetResult();
      call('inquiries.list', { clinicId: clinic.id, limit: 100 }).then(
        (r) => {
          if (ticket === inquiriesTicket) set({ inquiries: r.items.filter((i) => i.archivedAt === null) });
        },
        (error: unknown) => {
          if (ticket === inquiriesTicket) {
            set({ inquiries: [], inquiriesError: errorMessageOf(error, '問い合わせの一覧を読み込めませんでした。') });
          }
        },
      );
    },

    clearClinic() {
      ++inquiriesTicket;
      set({ clinic: null, inquiries: null, inquiriesError: null, inquiryId: '' });
      loadQuotes('');
      forgetResult();
    },

    chooseInquiry(inquiryId) {
      set({ inquiryId });
      loadQuotes(inquiryId);
      clearFieldError('quoteId', 'clinicIds');
      forgetResult();
    },

    chooseQuote(quoteId) {
      set({ quoteId });
      clearFieldError('quoteId');
      forgetResult();
    },

    editCover(patch) {
      set({ cover: { ...get().cover, ...patch } });
      clearFieldError(...Object.keys(patch).map((key) => `cover.${key}`));
      forgetResult();
    },

    searchClinics(query) {
      return call('clinics.search', { query, limit: clinicSearchLimit, includeArchived: false });
    },

    async render() {
      const coverErrors = coverFieldErrors(get());
      if (Object.keys(coverErrors).length > 0) {
        forgetResult();
        set({
          phase: 'failed',
          fieldErrors: coverErrors,
          message: `送付状の入力内容を確認してください（${Object.values(coverErrors).join('、')}）。`,
        });
        return;
      }
      renderController?.abort();
      const controller = new AbortController();
      renderController = controller;
      set({
        phase: 'running',
        progress: null,
        message: null,
        result: null,
        fieldErrors: {},
        outputMessage: null,
        statusOffer: null,
        statusMessage: null,
      });
      try {
        const made = await runJob('documents.render', renderInput(get()), {
          signal: controller.signal,
          onProgress: (job) => {
            if (renderController === controller) set({ progress: job.progress });
          },
        });
        let bytes: Uint8Array | null = null;
        let noPreview: PrintResult['noPreview'] = null;
        // A mailing's PDF can be larger than the window may read; it is saved and opened instead.
        if (made.file.size > limits.maxReadBytes) {
          noPreview = 'tooLarge';
        } else {
          try {
            bytes = await readFile(made.file);
          } catch {
            // The PDF exists; only the preview is missing. Saving still works.
            noPreview = 'unreadable';
          }
        }
        if (renderController !== controller) return;
        set({ phase: 'done', progress: null, result: { ...made, bytes, noPreview }, message: null });
      } catch (error) {
        if (renderController !== controller) return;
        if (error instanceof ApiError && error.isCancelled) {
          set({ phase: 'cancelled', progress: null, message: '中止しました。ファイルは作られていません。' });
        } else {
          set({
            phase: 'failed',
            progress: null,
            fieldErrors: fieldErrorsOf(error),
            message: errorMessageOf(error, 'PDFを作成できませんでした。もう一度お試しください。'),
          });
        }
      } finally {
        if (renderController === controller) renderController = null;
      }
    },

    cancel() {
      renderController?.abort();
    },

    async save() {
      const result = get().result;
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
      const result = get().result;
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

    async acceptStatusOffer() {
      const offer = get().statusOffer;
      if (!offer || offer.saving) return;
      set({ statusOffer: { ...offer, saving: true, error: null } });
      try {
        const changed = await useInquiriesStore
          .getState()
          .changeStatus({ id: offer.inquiryId, to: 'materials_sent', reason: materialsSentReason, expectedRevision: offer.revision });
        if (get().statusOffer?.inquiryId !== offer.inquiryId) return;
        set({
          // The 問い合わせ list beside it shows the new 状況 too.
          inquiries: get().inquiries?.map((i) => (i.id === changed.inquiry.id ? changed.inquiry : i)) ?? null,
          statusOffer: null,
          statusMessage: `問い合わせ ${offer.receiptNumber} の状況を「${inquiryStatusLabels[changed.inquiry.status]}」にしました。`,
        });
      } catch (error) {
        if (get().statusOffer?.inquiryId !== offer.inquiryId) return;
        set({ statusOffer: { ...offer, saving: false, error: errorMessageOf(error, '状況を変更できませんでした。もう一度お試しください。') } });
      }
    },

    declineStatusOffer() {
      offerDeclinedFor = get().result?.file.fileId ?? null;
      set({ statusOffer: null });
    },
  };
});
