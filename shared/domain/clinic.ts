import { z } from 'zod';

/** 種別: codes are stable English identifiers; labels are what staff see and print. */
export const clinicKinds = [
  'clinic_no_beds',
  'clinic_with_beds',
  'hospital',
  'geriatric_facility',
  'other',
] as const;
export type ClinicKind = (typeof clinicKinds)[number];

export const clinicKindLabels: Record<ClinicKind, string> = {
  clinic_no_beds: '無床診療所',
  clinic_with_beds: '有床診療所',
  hospital: '病院',
  geriatric_facility: '介護老人保健施設',
  other: 'その他',
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
} as const;

// Line breaks and control characters never belong in a one-line field: they break the list,
// the CSV export and the printed forms.
const noControlChars = (label: string) =>
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  z.string().refine((s) => !/[\u0000-\u001f\u007f]/.test(s), {
    message: `${label}に改行や制御文字は使えません`,
  });

const phoneLike = (label: string) =>
  noControlChars(label)
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .max(30, { message: `${label}は30文字以内で入力してください` })
        .refine((s) => s === '' || /^[0-9０-９()（）\-－‐―ー−\s+＋]+$/.test(s), {
          message: `${label}は数字とハイフン・かっこで入力してください`,
        }),
    )
    .default('');

export const clinicInputSchema = z.object({
  name: noControlChars(clinicFieldLabels.name)
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, { message: '医療機関名を入力してください' })
        .max(200, { message: '医療機関名は200文字以内で入力してください' }),
    ),
  nameKana: noControlChars(clinicFieldLabels.nameKana)
    .transform((s) => s.trim())
    .pipe(z.string().max(200, { message: 'ふりがなは200文字以内で入力してください' }))
    .default(''),
  kind: z.enum(clinicKinds, { message: '種別を選んでください' }).default('clinic_no_beds'),
  phone: phoneLike(clinicFieldLabels.phone),
  fax: phoneLike(clinicFieldLabels.fax),
  bedCount: z
    .number({ message: '病床数は数字で入力してください' })
    .int({ message: '病床数は整数で入力してください' })
    .min(0, { message: '病床数は0以上で入力してください' })
    .max(9999, { message: '病床数が大きすぎます' })
    .nullable()
    .default(null),
  postalCode: noControlChars(clinicFieldLabels.postalCode)
    .transform((s) => s.trim())
    .pipe(z.string().max(10, { message: '郵便番号は7桁で入力してください' }))
    .default(''),
  address: noControlChars(clinicFieldLabels.address)
    .transform((s) => s.trim())
    .pipe(z.string().max(200, { message: '所在地は200文字以内で入力してください' }))
    .default(''),
});
export type ClinicInput = z.input<typeof clinicInputSchema>;

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
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
  updatedByMachine: z.string(),
  archivedAt: isoTimestamp.nullable(),
});
export type Clinic = z.infer<typeof clinicSchema>;
