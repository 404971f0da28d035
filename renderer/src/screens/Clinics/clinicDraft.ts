import { fieldMessages } from '../../../../shared/contract/issues.ts';
import { clinicFieldOrder, clinicInputSchema, type Clinic, type ClinicKind } from '../../../../shared/domain/clinic.ts';
import type { CheckedClinicInput } from './clinicWrites.ts';

/** What the clinic form holds: every field as typed (病床数 too), checked only on save. */
export interface ClinicDraft {
  name: string;
  nameKana: string;
  kind: ClinicKind;
  bedCount: string;
  postalCode: string;
  address: string;
  phone: string;
  fax: string;
  contactPerson: string;
  memberNumber: string;
  memo: string;
  /** '1' when the 送付不要 box is ticked: the draft holds text only, like the fields it is compared with. */
  noMailing: '' | '1';
  noMailingReason: string;
}
export type ClinicDraftField = keyof ClinicDraft;
export type ClinicFieldErrors = Partial<Record<ClinicDraftField, string>>;

/** Reading order of the form: errors are focused in this order too. */
export const clinicDraftFields: readonly ClinicDraftField[] = [...clinicFieldOrder, 'noMailing', 'noMailingReason'];

export const emptyClinicDraft: ClinicDraft = {
  name: '',
  nameKana: '',
  kind: 'unconfirmed',
  bedCount: '',
  postalCode: '',
  address: '',
  phone: '',
  fax: '',
  contactPerson: '',
  memberNumber: '',
  memo: '',
  noMailing: '',
  noMailingReason: '',
};

export function clinicToDraft(clinic: Clinic): ClinicDraft {
  return {
    name: clinic.name,
    nameKana: clinic.nameKana,
    kind: clinic.kind,
    bedCount: clinic.bedCount === null ? '' : String(clinic.bedCount),
    postalCode: clinic.postalCode,
    address: clinic.address,
    phone: clinic.phone,
    fax: clinic.fax,
    contactPerson: clinic.contactPerson,
    memberNumber: clinic.memberNumber,
    memo: clinic.memo,
    noMailing: clinic.noMailing ? '1' : '',
    noMailingReason: clinic.noMailingReason,
  };
}

export function sameDraft(a: ClinicDraft, b: ClinicDraft): boolean {
  return clinicDraftFields.every((field) => a[field] === b[field]);
}

/**
 * 病床数 as the schema wants it: empty is null, digits (full-width too) a number. Anything else
 * stays text, so the schema answers with its own Japanese message (「数字で入力してください」).
 */
export function readBedCount(text: string): number | null | string {
  const compact = text.normalize('NFKC').trim();
  if (compact === '') return null;
  return /^\d+$/.test(compact) ? Number(compact) : compact;
}

export type DraftCheck = { ok: true; input: CheckedClinicInput } | { ok: false; errors: ClinicFieldErrors };

/** The same schema as the main process: canonical phone, FAX and postal code, 病床数 against 種別. */
export function checkClinicDraft(draft: ClinicDraft): DraftCheck {
  const parsed = clinicInputSchema.safeParse({
    ...draft,
    bedCount: readBedCount(draft.bedCount),
    noMailing: draft.noMailing === '1',
    noMailingReason: draft.noMailing === '1' ? draft.noMailingReason : '',
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, errors: knownFieldErrors(fieldMessages(parsed.error)) };
}

/** Keeps the messages that belong to a field of this form (server `fields` included). */
export function knownFieldErrors(fields: Readonly<Record<string, string>>): ClinicFieldErrors {
  const known: ClinicFieldErrors = {};
  for (const field of clinicDraftFields) if (fields[field]) known[field] = fields[field];
  return known;
}
