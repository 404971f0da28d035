import { z } from 'zod';
import { agencyTextMessages as m } from '../messages/agencyTextMessages.ts';

/**
 * The agency's own words: what it prints in its own name (its FAX reply form, its notices, how
 * it solicits), as opposed to the insurer-approved flyer. One named list; every edit bumps the
 * text's version, and each printed document records the versions it used.
 */
/**
 * The insurer's registered name (商号), which 保険業法294条3項 asks the agency to state before
 * soliciting; the flyer's 損保ジャパン is its brand (source: domain notes, the parties).
 */
export const insurerRegisteredName = '損害保険ジャパン株式会社';

export const agencyTextKeys = ['solicitationCapacity', 'formNumber', 'faxSheetWishes', 'faxSheetNotice', 'coverSheetNotice', 'intentQuestions', 'purposeOfUse', 'misdirectedFaxNotice'] as const;
export type AgencyTextKey = (typeof agencyTextKeys)[number];

export interface AgencyTextDefinition {
  /** The field's name in 設定. */
  label: string;
  /** What the text is for, shown under the field in 設定. */
  hint: string;
  /** The text before staff first set it; null: unset until staff set it (nothing is assumed). */
  initial: string | null;
  maxChars: number;
  /** Several lines, one entry per line (the FAX form's questions). */
  lines?: { min: number; max: number; maxCharsEach: number };
}

export const agencyTextDefinitions: Record<AgencyTextKey, AgencyTextDefinition> = {
  solicitationCapacity: {
    label: '募集の立場（保険会社名と代理・媒介の別）',
    hint: '保険業法294条3項により、募集の前にお客さまへ示す文です。例：「当組合は損害保険ジャパン株式会社の代理店として、保険契約の締結の代理を行います。」保険会社との委託契約の内容どおりに書いてください。',
    initial: null,
    maxChars: 200,
  },
  formNumber: {
    label: 'FAX問い合わせ票の様式番号',
    hint: '代理店が自ら定めた様式番号です（例：KMC-FAX-2026-01）。FAX問い合わせ票の右下に印刷されます。未設定なら印刷されません。',
    initial: null,
    maxChars: 40,
  },
  faxSheetWishes: {
    label: 'FAX問い合わせ票の「ご希望」の選択肢',
    hint: '1行に1つ、2〜4つまで。FAX問い合わせ票にチェック欄付きで印刷されます。',
    initial: '資料がほしい\n保険料を知りたい\n説明を聞きたい',
    maxChars: 60,
    lines: { min: 2, max: 4, maxCharsEach: 12 },
  },
  faxSheetNotice: {
    label: 'FAX問い合わせ票のお知らせ',
    hint: 'FAX問い合わせ票の下に代理店からのお知らせとして印刷されます。空欄なら印刷されません。',
    initial: '',
    maxChars: 120,
  },
  coverSheetNotice: {
    label: 'FAX送付状の注意書き',
    hint: 'FAX送付状の通信欄の下に印刷されます。空欄なら印刷されません。',
    initial: '※ 受信に不備がございましたら、お手数ですが上記の送信者までご連絡ください。',
    maxChars: 120,
  },
  // 保険業法294条の2: the agency grasps the customer's wishes and confirms them before the
  // contract. The questions are the agency's own (the insurer's 意向確認書 in the pack replaces
  // them): headings only, saying nothing about what the product covers.
  intentQuestions: {
    label: '意向把握・意向確認の質問',
    hint: '1行に1つ、1〜10問。問い合わせの「意向の把握・確認」と意向確認書に、この順で見出しとして使われます。商品の内容を述べる文は書かないでください。内容パックに保険会社の意向確認書がある場合は、そちらが使われます。',
    initial: '補償を希望される内容\nご予算\n保険期間・始期のご希望\n払込方法のご希望\n現在ご加入中の保険\nその他のご要望',
    maxChars: 400,
    lines: { min: 1, max: 10, maxCharsEach: 30 },
  },
  // 個人情報保護法21条2項: collecting personal information in writing (the FAX form) requires
  // stating the purpose of use beforehand. The agency's purpose, not the insurer's (the pack's consent sentence is that).
  purposeOfUse: {
    label: '個人情報の利用目的（FAX問い合わせ票）',
    hint: '書面で個人情報を受け取るときは、利用目的をあらかじめ示します（個人情報保護法21条2項）。代理店としての利用目的を書いてください。FAX問い合わせ票の下に印刷されます。',
    initial: '【個人情報の利用目的】ご記入いただいた情報は、当組合が本保険のご案内、お見積り、お問い合わせへの回答のために利用します。',
    maxChars: 100,
  },
  misdirectedFaxNotice: {
    label: 'FAX送付状の誤送信時のお願い',
    hint: 'FAX送付状の下に印刷されます。誤って届いたFAXの扱いをお願いする文です。空欄なら印刷されません。',
    initial: '【誤送信の場合】このFAXが誤って届きましたら、お手数ですが上記の送信者へご連絡のうえ、破棄してくださいますようお願いいたします。',
    maxChars: 100,
  },
};

/** One agency text as stored: version 0 is the initial text, never edited. */
export const agencyTextSchema = z.object({
  key: z.enum(agencyTextKeys),
  value: z.string().nullable(),
  version: z.number().int().nonnegative(),
  updatedAt: z.string().nullable(),
});
export type AgencyText = z.infer<typeof agencyTextSchema>;

export const agencyTextsSchema = z.object(Object.fromEntries(agencyTextKeys.map((key) => [key, agencyTextSchema])) as Record<AgencyTextKey, typeof agencyTextSchema>);
export type AgencyTexts = Record<AgencyTextKey, AgencyText>;

/** The list before any edit. */
export function initialAgencyTexts(): AgencyTexts {
  return Object.fromEntries(agencyTextKeys.map((key) => [key, { key, value: agencyTextDefinitions[key].initial, version: 0, updatedAt: null }])) as AgencyTexts;
}

/** Staff's edit: the version they saw, so two counters editing at once cannot overwrite each other unseen. */
export const agencyTextUpdateSchema = z
  .object({
    key: z.enum(agencyTextKeys, { message: m.unknownKey }),
    value: z.string({ message: m.notText }),
    expectedVersion: z.number().int().nonnegative(),
  })
  .superRefine((update, ctx) => {
    const problem = agencyTextProblem(update.key, update.value);
    if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
  });
export type AgencyTextUpdate = z.infer<typeof agencyTextUpdateSchema>;

/** Why this value cannot be saved for this key, in Japanese; null when it can. */
export function agencyTextProblem(key: AgencyTextKey, raw: string): string | null {
  const definition = agencyTextDefinitions[key];
  const value = raw.trim();
  if (value.length > definition.maxChars) return m.tooLong(definition.label, definition.maxChars);
  // eslint-disable-next-line no-control-regex -- line breaks are fine in a list of lines, other control characters are not
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(value)) return m.controlCharacters(definition.label);
  // Required by law on the FAX form, so it cannot be emptied (see its definition).
  if (key === 'purposeOfUse' && !value) return m.required(definition.label);
  if (key === 'solicitationCapacity') {
    if (!value) return m.required(definition.label);
    if (!value.includes(insurerRegisteredName)) return m.capacityWithoutRegisteredName(insurerRegisteredName);
    if (!/代理|媒介/.test(value)) return m.capacityWithoutRole;
  }
  if (definition.lines) {
    const lines = agencyTextLines(value);
    if (lines.length < definition.lines.min || lines.length > definition.lines.max) return m.lineCount(definition.label, definition.lines.min, definition.lines.max);
    const long = lines.find((line) => line.length > definition.lines!.maxCharsEach);
    if (long) return m.lineTooLong(long, definition.lines.maxCharsEach);
  } else if (/\n/.test(value)) return m.oneLine(definition.label);
  return null;
}

/** The entries of a text kept one per line. */
export function agencyTextLines(value: string | null): string[] {
  return (value ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Which version of each agency text a document printed: its trail. */
export type AgencyTextVersions = Partial<Record<AgencyTextKey, number>>;
