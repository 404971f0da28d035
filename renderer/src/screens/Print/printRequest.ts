import type { ContentPack } from '../../../../shared/content/contentPackSchema.ts';
import { fieldMessages } from '../../../../shared/contract/issues.ts';
import { coverInputSchema, type CoverInput, type MailingOutput } from '../../../../shared/contract/documentJobKinds.ts';
import type { JobInput } from '../../../../shared/contract/jobs.ts';
import { documentKindNames, inSetOrder, type DocumentKind } from '../../../../shared/documents/documentKinds.ts';
import {
  documentRequestProblem,
  needsRecipient,
  type DocumentRecipient,
  type DocumentRequest,
} from '../../../../shared/documents/documentRequestProblem.ts';
import type { Clinic } from '../../../../shared/domain/clinic.ts';
import type { SavedQuote } from '../../../../shared/quote/savedQuote.ts';
import type { SentBy } from '../../../../shared/documents/documentOutput.ts';

/** What staff type for the FAX送付状, as typed (枚数 too, so that an empty box stays empty). */
export interface CoverDraft {
  subject: string;
  person: string;
  message: string;
  extraPages: string;
}

/** What the user has chosen on the left: everything 「PDFを作成」 depends on. */
export interface PrintChoices {
  documents: readonly DocumentKind[];
  recipient: DocumentRecipient;
  clinic: Clinic | null;
  /** '' = the clinic only, without a 受付番号. */
  inquiryId: string;
  /** '' = not chosen: the newest saved quote of the inquiry. */
  quoteId: string;
  cover: CoverDraft;
  /** A mailing as one PDF, or one PDF per clinic (a zip). */
  output: MailingOutput;
}

/** The choices with what they depend on that is read from the core. */
export interface PrintRequestView {
  choices: PrintChoices;
  /** The mailing's clinics (一括作成). */
  batchIds: readonly string[];
  /** How the mailing goes out, chosen before it is made. */
  batchSentBy?: SentBy | null;
  /** The chosen inquiry's saved quotes, newest first; null while not read. */
  quotes: readonly SavedQuote[] | null;
  quotesError: string | null;
  pack: ContentPack | null;
  /** The rate table is a sample, so the チラシ can only be a specimen (never for a mailing). */
  flyerIsSpecimen?: boolean;
  /** The pack in force carries the insurer's important-matters PDF (false while unknown too). */
  importantMattersAvailable?: boolean;
}

/** What the print screen says while something it needs is still on its way. */
export const printWaitMessages = {
  quotesUnreadable: '保存した試算を読み込めなかったため、保険料試算書を作れません。',
  quotesLoading: '保存した試算を読み込んでいます…',
  noSavedQuotes: 'この問い合わせには保存した試算がありません。「保険料試算」の画面で試算して保存してください。',
  contentLoading: '商品の内容を読み込んでいます…',
} as const;

/** The saved quote the 保険料試算書 shows: the one chosen, else the newest. */
export function chosenQuote(quoteId: string, quotes: readonly SavedQuote[] | null): SavedQuote | undefined {
  return quotes?.find((q) => q.id === quoteId) ?? (quoteId === '' ? quotes?.[0] : undefined);
}

/** The request as the shared rule book reads it. */
export function documentRequestOf({ choices, batchIds, quotes, flyerIsSpecimen, importantMattersAvailable }: PrintRequestView): DocumentRequest {
  const { documents, recipient, clinic, inquiryId } = choices;
  const one = recipient === 'one';
  const quote = chosenQuote(choices.quoteId, quotes);
  return {
    documents,
    recipient,
    clinicIds: one ? (clinic ? [clinic.id] : []) : recipient === 'batch' ? batchIds : [],
    inquiry: one && clinic && inquiryId ? { id: inquiryId, clinicId: clinic.id } : null,
    quote: quote ? { inquiryId: quote.inquiryId, snapshot: quote.snapshot } : null,
    clinicKind: one ? (clinic?.kind ?? null) : null,
    flyerIsSpecimen,
    importantMattersAvailable,
  };
}

/** Why a document cannot be made for the chosen recipient whatever else is chosen below; null when it can. */
function unavailableReason(view: PrintRequestView, kind: DocumentKind): string | null {
  const { choices, quotes, quotesError, pack } = view;
  const alone = (quoteId: string): PrintRequestView => ({ ...view, choices: { ...choices, documents: [kind], quoteId } });
  if (kind === 'quoteSheet' && choices.recipient === 'one' && choices.clinic && choices.inquiryId) {
    if (quotesError) return printWaitMessages.quotesUnreadable;
    if (quotes !== null && quotes.length === 0) return printWaitMessages.noSavedQuotes;
    // Only when no saved quote can be printed (all from a sample table, say): else another one is chosen below.
    if (quotes && pack) {
      const problems = quotes.map((quote) => documentRequestProblem(documentRequestOf(alone(quote.id)), pack));
      if (problems.every((problem) => problem !== null)) return problems[0]!.message;
    }
    return null;
  }
  const problem = documentRequestProblem(documentRequestOf(alone(choices.quoteId)), pack);
  return problem?.field === 'documents' ? problem.message : null;
}

/**
 * The documents that cannot be made with these choices, each with its reason: they are shown
 * disabled with the reason beside them, and the others are made without them.
 */
export function unavailableDocuments(view: PrintRequestView): Partial<Record<DocumentKind, string>> {
  return Object.fromEntries(documentKindNames.flatMap((kind) => {
    const reason = unavailableReason(view, kind);
    return reason ? [[kind, reason]] : [];
  }));
}

/** The view with only the chosen documents that can be made. */
function withMakeableDocuments(view: PrintRequestView): PrintRequestView {
  const unavailable = unavailableDocuments(view);
  return { ...view, choices: { ...view.choices, documents: view.choices.documents.filter((kind) => !(kind in unavailable)) } };
}

/** Why 「PDFを作成」 cannot run with these choices, in Japanese; null when it can. */
export function renderBlockReason(asked: PrintRequestView): string | null {
  const view = withMakeableDocuments(asked);
  // Only documents that cannot be made are chosen: say why (as beside them), not 「選んでください」.
  const unavailable = unavailableDocuments(asked);
  const firstUnavailable = asked.choices.documents.find((kind) => kind in unavailable);
  if (view.choices.documents.length === 0 && firstUnavailable) return unavailable[firstUnavailable]!;
  const { choices, quotes, quotesError, pack } = view;
  // While a 保険料試算書's quotes or the content are still on their way, say so rather than a rule.
  if (choices.documents.includes('quoteSheet') && choices.recipient === 'one' && choices.clinic && choices.inquiryId) {
    if (quotesError) return printWaitMessages.quotesUnreadable;
    if (quotes === null) return printWaitMessages.quotesLoading;
    if (quotes.length === 0) return printWaitMessages.noSavedQuotes;
    if (!pack) return printWaitMessages.contentLoading;
  }
  return documentRequestProblem(documentRequestOf(view), pack)?.message ?? null;
}

/** The 送付状 as the job takes it; an empty 枚数 box means no extra pages. */
export function coverInput({ subject, person, message, extraPages }: CoverDraft): CoverInput {
  return { subject, person, message, extraPages: extraPages.trim() === '' ? 0 : Number(extraPages) };
}

/** The 送付状 fields checked with the contract's own schema before anything is sent. */
export function coverFieldErrors(choices: PrintChoices): Record<string, string> {
  if (!choices.documents.includes('faxCoverSheet')) return {};
  const parsed = coverInputSchema.safeParse(coverInput(choices.cover));
  if (parsed.success) return {};
  return Object.fromEntries(Object.entries(fieldMessages(parsed.error)).map(([key, message]) => [`cover.${key}`, message]));
}

/** The job input for the current choices; the core puts the documents in envelope order again. */
export function renderInput(asked: PrintRequestView): JobInput<'documents.render'> {
  const view = withMakeableDocuments(asked);
  const { choices, batchIds, quotes } = view;
  const documents = inSetOrder(choices.documents);
  const input: JobInput<'documents.render'> = { documents };
  // A document that is the same for everyone (the flyer alone) is never sent a clinic.
  if (needsRecipient(documents)) {
    if (choices.recipient === 'one' && choices.clinic && choices.inquiryId) input.inquiryId = choices.inquiryId;
    else if (choices.recipient === 'one' && choices.clinic) input.clinicIds = [choices.clinic.id];
    else if (choices.recipient === 'batch') {
      input.clinicIds = [...batchIds];
      if (choices.output === 'perClinic') input.output = 'perClinic';
      input.mailing = { sentBy: view.batchSentBy ?? null };
    }
    const quote = chosenQuote(choices.quoteId, quotes);
    if (documents.includes('quoteSheet') && quote) input.quoteId = quote.id;
  }
  if (documents.includes('faxCoverSheet')) input.cover = coverInput(choices.cover);
  return input;
}
