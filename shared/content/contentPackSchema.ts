import { z } from 'zod';
import { isDateOnly } from '../time/tokyoDate.ts';
import { importantMattersMessages } from '../messages/importantMattersMessages.ts';

/**
 * The longest text a pack may hold. The approved flyer's longest sentence is 158 characters; a
 * limit six times that keeps any real flyer in and a crafted million-character name out (it
 * would take the preview and every document minutes to lay out).
 */
export const maxPackTextChars = 1000;
/** The most entries a list in a pack may hold: the flyer's longest list has 8. */
export const maxPackListItems = 50;

const limited = (label: string) => z.string().max(maxPackTextChars, { message: `${label}は${maxPackTextChars}文字以内にしてください` });
const text = (label: string) => z.string({ message: `${label}がありません` }).min(1, { message: `${label}が空です` }).max(maxPackTextChars, { message: `${label}は${maxPackTextChars}文字以内にしてください` });
const list = <T extends z.ZodTypeAny>(item: T, label: string) => z.array(item).max(maxPackListItems, { message: `${label}は${maxPackListItems}件までにしてください` });
const texts = (label: string, min = 1) => list(text(label), label).min(min, { message: `${label}が足りません` });

const contactSchema = z.object({
  role: text('窓口の役割'),
  organization: text('名称'),
  branch: limited('支店').default(''),
  postalCode: z.string().regex(/^\d{3}-\d{4}$/, { message: '郵便番号は 890-0053 の形で書いてください' }),
  address: text('住所'),
  phone: text('電話番号'),
  fax: text('FAX番号'),
  hours: text('受付時間'),
  closedDays: text('休業日'),
});

const count = (label: string) => z.number({ message: `${label}がありません` }).int({ message: `${label}は整数にしてください` }).nonnegative({ message: `${label}は0以上にしてください` });
const unitYen = count('単価（円）');

/**
 * Unit costs that rescale the incident case to a clinic's own numbers. The flyer states none (its
 * case is one incident, not a price list), so only an insurer-approved document may supply them,
 * and the pack names it; without this section the case is shown only as the flyer states it.
 */
export const breachUnitCostsSchema = z.object({
  /** The insurer's document that states these unit costs, named with its code and date as it prints them. */
  source: text('単価の出典'),
  /** Where the clerk's inputs start: the case's own figures as that document states them. */
  caseFigures: z.object({
    servers: count('事例のサーバ台数'),
    patients: count('事例の患者数'),
    voucherYen: count('事例のお詫びの品の金額'),
    callCentreWeeks: count('事例のコールセンター設置週数'),
  }),
  /** One per item of the incident case, in the case's order. */
  items: list(
    z.discriminatedUnion(
      'per',
      [
        z.object({ per: z.literal('server'), unitYen }),
        z.object({ per: z.literal('patient'), unitYen }),
        /** The gift the clerk enters plus its approved postage, per patient. */
        z.object({ per: z.literal('patientGift'), postageYen: unitYen }),
        z.object({ per: z.literal('callCentreWeek'), unitYen }),
        /** Stays the case's own amount whatever the inputs. */
        z.object({ per: z.literal('case') }),
      ],
      { message: '単価の種類（per）は server・patient・patientGift・callCentreWeek・case のどれかにしてください' },
    ),
    '単価',
  ),
});
export type BreachUnitCosts = z.infer<typeof breachUnitCostsSchema>;

/**
 * An approved flyer as data: every sentence, figure and contact the app shows or prints about
 * the product. Wording is the flyer's own; a pack is replaced whole, never edited in place.
 */
export const contentPackSchema = z.object({
  schemaVersion: z.literal(1, { message: '内容パックの形式（schemaVersion）が対応していません' }),
  document: z.object({
    code: z.string().regex(/^[A-Z]{2}\d{2}-\d{4,6}$/, { message: '文書番号の形式が正しくありません（例：SJ24-13707）' }),
    createdOn: z.string().refine(isDateOnly, { message: '作成日は 2025-01-16 の形で、実在する日付を書いてください' }),
    createdLabel: text('作成日の表記'),
  }),
  productName: text('商品名'),
  introduction: texts('導入文'),
  groupDiscount: z.object({ label: text('団体割引の見出し'), percent: z.number().min(0).max(100), display: text('団体割引の表記') }),
  riskQuestion: text('リスクの問いかけ'),
  attackTypesTitle: text('攻撃の種類の見出し'),
  attackTypes: texts('攻撃の種類', 8),
  impacts: texts('被害の影響', 3),
  whyTargeted: z.object({ title: text('標的となる理由の見出し'), text: text('標的となる理由') }),
  incidentCase: z.object({
    title: text('対応事例の見出し'),
    summary: text('対応事例の概要'),
    columns: z.tuple([text('列名'), text('列名'), text('列名')]),
    items: list(
        z.object({
          category: text('対応事項'),
          description: text('対応内容'),
          amountLabel: text('損害額（例）'),
          amountYen: z.number().int().positive(),
        }),
        '対応事例の項目',
      )
      .min(1, { message: '対応事例の項目がありません' }),
    closing: text('対応事例のまとめ'),
  }),
  breachUnitCosts: breachUnitCostsSchema.optional(),
  coverages: list(z.object({ name: text('補償の名称'), description: limited('補償の内容').default(''), note: text('お支払対象の説明') }), '補償の説明')
    .min(1, { message: '補償の説明がありません' }),
  damageExamples: z.object({
    title: text('被害例の見出し'),
    groups: list(z.object({ heading: text('被害例の小見出し'), items: texts('被害例') }), '被害例のまとまり').min(1),
  }),
  premium: z.object({
    title: text('保険料の見出し'),
    scope: text('保険料の対象'),
    conditionsLabel: text('保険料の条件の表記'),
    conditions: texts('保険料の条件', 4),
    askAgencyNote: text('病院・介護老人保健施設の注意書き'),
  }),
  contacts: z.object({ insurer: contactSchema, agency: contactSchema }),
  insurerWebsite: z.string().max(300, { message: '保険会社のウェブサイトのアドレスが長すぎます（300文字まで）' }).url({ message: '保険会社のウェブサイトのアドレスが正しくありません' }).startsWith('https://', { message: '保険会社のウェブサイトは https:// で始まる必要があります' }),
  inquiryPrompt: text('お問い合わせの案内'),
  consent: text('個人情報の取扱いへの同意文'),
  summaryNote: text('概要である旨の注意書き'),
  /**
   * Wording for the 保険料試算書, approved by the insurer with the pack. The flyer has none, so
   * the bundled pack has none either: without it no quote sheet is printed.
   */
  // The quote sheet is one A4 page: its layout holds a title of one line (18 characters at 26 pt) and a 250-character notice.
  /**
   * The insurer's own flyer as a PDF shipped beside the pack (same folder), checked by its
   * SHA-256: when present, 「チラシ」 prints that file unchanged instead of the app's rendition.
   */
  insurerFlyerPdf: z
    .object({
      file: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.pdf$/, { message: '保険会社のチラシのファイル名は、英数字で「SJ24-13707.pdf」の形にしてください' }),
      sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: '保険会社のチラシの照合値は、SHA-256 の16進数64桁で書いてください' }),
    })
    .optional(),
  /**
   * The insurer's important-matters document (契約概要・注意喚起情報, 保険業法294条) as a PDF that
   * comes with the pack, checked by its SHA-256, with its code and 作成日 as printed on it: the
   * print centre adds it to a set unchanged and a handover records this version.
   */
  importantMatters: z
    .object({
      file: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.pdf$/, { message: importantMattersMessages.fileNameRule }),
      sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: importantMattersMessages.sha256Rule }),
      code: z.string({ message: importantMattersMessages.codeRule }).trim().min(1, { message: importantMattersMessages.codeRule }).max(40, { message: importantMattersMessages.codeRule }),
      date: z.string({ message: importantMattersMessages.dateRule }).refine(isDateOnly, { message: importantMattersMessages.dateRule }),
    })
    .optional(),
  quoteSheet: z
    .object({
      title: text('試算書の題名').max(18, { message: '試算書の題名は18文字以内にしてください（A4一枚に収めるため）' }),
      notice: text('試算書の注意書き').max(250, { message: '試算書の注意書きは250文字以内にしてください（A4一枚に収めるため）' }),
      /**
       * The insurer's approval code of this wording (「SJ26-01234 2026年4月1日作成」), printed at the
       * foot of the sheet. Without one the sheet prints no code: never the flyer's, which approved the flyer only.
       */
      code: text('試算書の承認番号').max(40, { message: '試算書の承認番号は40文字以内にしてください' }).optional(),
    })
    .optional(),
  /**
   * The insurer's own 意向確認書 questions, where it supplies them (保険業法294条の2): they are
   * asked and printed instead of the agency's, with the insurer's code and date.
   */
  intentForm: z
    .object({
      code: text('意向確認書の様式番号').max(40, { message: '意向確認書の様式番号は40文字以内にしてください' }),
      date: text('意向確認書の作成日').max(20, { message: '意向確認書の作成日は20文字以内にしてください' }),
      questions: list(text('意向確認書の質問').max(60, { message: '意向確認書の質問は1問60文字以内にしてください' }), '意向確認書の質問')
        .min(1, { message: '意向確認書の質問がありません' })
        .max(10, { message: '意向確認書の質問は10問までにしてください（A4一枚に収めるため）' }),
    })
    .optional(),
}).superRefine((pack, ctx) => {
  const costs = pack.breachUnitCosts;
  if (costs && costs.items.length !== pack.incidentCase.items.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['breachUnitCosts', 'items'],
      message: `単価は対応事例の項目と同じ${pack.incidentCase.items.length}件にしてください（今は${costs.items.length}件です）`,
    });
  }
});
export type ContentPack = z.infer<typeof contentPackSchema>;
