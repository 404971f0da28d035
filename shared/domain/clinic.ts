import { z } from 'zod';
import { revisionSchema } from './revision.ts';
import { parsePhoneNumber } from '../text/phoneNumber.ts';
import { parsePostalCode } from '../text/postalCode.ts';

/**
 * The five kinds an institution can be, as forms print them (種別). Codes are stable English
 * identifiers; labels are what staff see and print.
 */
export const knownClinicKinds = ['clinic_no_beds', 'clinic_with_beds', 'hospital', 'geriatric_facility', 'other'] as const;
export type KnownClinicKind = (typeof knownClinicKinds)[number];

/**
 * A clinic's 種別 as stored: one of the five, or 'unconfirmed' (未確認), the absence of one (an
 * import without it). No box is ticked and no premium quoted for it.
 */
export const clinicKinds = [...knownClinicKinds, 'unconfirmed'] as const;
export type ClinicKind = (typeof clinicKinds)[number];

export const clinicKindLabels: Record<ClinicKind, string> = {
  clinic_no_beds: '無床診療所',
  clinic_with_beds: '有床診療所',
  hospital: '病院',
  geriatric_facility: '介護老人保健施設',
  other: 'その他',
  unconfirmed: '未確認',
};

export const clinicFieldLabels = {
  name: '医療機関名',
  nameKana: 'ふりがな',
  kind: '種別',
  phone: '電話番号',
  bedCount: '病床数',
  postalCode: '郵便番号',
  address: '所在地',
  fax: 'FAX番号',
  contactPerson: 'ご担当者名',
  memberNumber: '会員番号',
  memo: 'メモ',
  noMailing: '送付不要',
  noMailingReason: '送付不要の理由',
} as const;
/** The fields an import, a merge and the CSV carry (送付不要 is set on the form only). */
export type ClinicField = Exclude<keyof typeof clinicFieldLabels, 'noMailing' | 'noMailingReason'>;

/** The fields in the order staff read them: the form's order, and an import's column list. */
export const clinicFieldOrder = [
  'name',
  'nameKana',
  'kind',
  'bedCount',
  'postalCode',
  'address',
  'phone',
  'fax',
  'contactPerson',
  'memberNumber',
  'memo',
] as const satisfies readonly ClinicField[];

// Line breaks and control characters never belong in a one-line field: they break the list,
// the CSV export and the printed forms.
const noControlChars = (label: string) =>
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  z.string().refine((s) => !/[\u0000-\u001f\u007f]/.test(s), {
    message: `${label}に改行や制御文字は使えません`,
  });

/** A phone or FAX number in any typing, stored in one canonical hyphenated form. */
const phoneLike = (label: string) =>
  noControlChars(label)
    .pipe(z.string().max(30, { message: `${label}は30文字以内で入力してください` }))
    .transform((s, ctx) => {
      const parsed = parsePhoneNumber(s, label);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.message });
        return z.NEVER;
      }
      return parsed.value;
    })
    .default('');

const oneLine = (label: string, max: number) =>
  noControlChars(label)
    .transform((s) => s.trim())
    .pipe(z.string().max(max, { message: `${label}は${max}文字以内で入力してください` }))
    .default('');

/**
 * Beds allowed for each 種別 by the Medical Care Act (医療法): a clinic has at most 19 beds,
 * a hospital 20 or more. Returns the Japanese explanation of a mismatch, if any.
 */
export function bedCountProblem(kind: ClinicKind, beds: number | null): string | undefined {
  if (beds === null) return undefined;
  if (kind === 'clinic_no_beds' && beds !== 0) return '無床診療所の病床数は0です（病床がある場合は種別を「有床診療所」にしてください）';
  if (kind === 'clinic_with_beds' && (beds < 1 || beds > 19)) return '有床診療所の病床数は1〜19床です（20床以上は「病院」です）';
  if (kind === 'hospital' && beds < 20) return '病院の病床数は20床以上です（19床以下は「診療所」です）';
  return undefined;
}

/** The form's and the import's answer to a 送付不要 mark without a reason. */
export const noMailingReasonRequired = '送付不要の理由を入力してください（例：先方より辞退の連絡あり）';

export const clinicInputSchema = z
  .object({
    name: noControlChars(clinicFieldLabels.name)
      .transform((s) => s.trim())
      .pipe(
        z
          .string()
          .min(1, { message: '医療機関名を入力してください' })
          .max(200, { message: '医療機関名は200文字以内で入力してください' }),
      ),
    nameKana: oneLine(clinicFieldLabels.nameKana, 200),
    kind: z.enum(clinicKinds, { message: '種別を選んでください' }).default('unconfirmed'),
    bedCount: z
      .number({ message: '病床数は数字で入力してください' })
      .int({ message: '病床数は整数で入力してください' })
      .min(0, { message: '病床数は0以上で入力してください' })
      .max(9999, { message: '病床数が大きすぎます' })
      .nullable()
      .default(null),
    postalCode: noControlChars(clinicFieldLabels.postalCode)
      .transform((s, ctx) => {
        const parsed = parsePostalCode(s);
        if (!parsed.ok) {
          ctx.addIssue({ code: 'custom', message: parsed.message });
          return z.NEVER;
        }
        return parsed.value;
      })
      .default(''),
    address: oneLine(clinicFieldLabels.address, 200),
    phone: phoneLike(clinicFieldLabels.phone),
    fax: phoneLike(clinicFieldLabels.fax),
    contactPerson: oneLine(clinicFieldLabels.contactPerson, 100),
    memberNumber: noControlChars(clinicFieldLabels.memberNumber)
      .transform((s) => s.normalize('NFKC').replace(/\s/g, ''))
      .pipe(z.string().max(20, { message: '会員番号は20文字以内で入力してください' }))
      .default(''),
    memo: z
      .string()
      // eslint-disable-next-line no-control-regex -- line breaks are fine in a memo, other control characters are not
      .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), { message: 'メモに使えない制御文字が含まれています' })
      .pipe(z.string().max(2000, { message: 'メモは2,000文字以内で入力してください' }))
      .default(''),
    // 送付不要: set on the clinic form only. Left out (an import, a merge), the stored mark stays.
    noMailing: z.boolean().optional(),
    noMailingReason: noControlChars(clinicFieldLabels.noMailingReason)
      .transform((s) => s.trim())
      .pipe(z.string().max(200, { message: '送付不要の理由は200文字以内で入力してください' }))
      .optional(),
  })
  .superRefine((clinic, ctx) => {
    const problem = bedCountProblem(clinic.kind, clinic.bedCount);
    if (problem) ctx.addIssue({ code: 'custom', path: ['bedCount'], message: problem });
    // The office must be able to say later why a clinic gets no mailings.
    if (clinic.noMailing === true && !clinic.noMailingReason) {
      ctx.addIssue({ code: 'custom', path: ['noMailingReason'], message: noMailingReasonRequired });
    }
  });
export type ClinicInput = z.input<typeof clinicInputSchema>;
/** A clinic's fields once the form's rules have checked and normalised them (form, import, storage). */
export type ClinicFields = z.output<typeof clinicInputSchema>;

export const isoTimestamp = z.string().min(1);

export const clinicSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameKana: z.string(),
  kind: z.enum(clinicKinds),
  phone: z.string(),
  fax: z.string(),
  bedCount: z.number().int().nullable(),
  postalCode: z.string(),
  address: z.string(),
  contactPerson: z.string(),
  memberNumber: z.string(),
  memo: z.string(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  updatedByMachine: z.string(),
  archivedAt: isoTimestamp.nullable(),
  /** Set on a record merged into another (重複をまとめる): the id of the record kept. */
  mergedInto: z.string().nullable(),
  /** 市町村, derived from the postal code and address by the core ('' when neither names one; shared/domain/municipality.ts). */
  municipality: z.string(),
  /** 送付不要: every mailing leaves this clinic out (a single print only warns). */
  noMailing: z.boolean(),
  noMailingReason: z.string(),
  /** Counts the record's writes; an edit names the revision it started from (see CONFLICT). */
  revision: revisionSchema,
});
export type Clinic = z.infer<typeof clinicSchema>;
