import { clinicFieldLabels, clinicFieldOrder, clinicInputSchema, type ClinicFields, type ClinicKind } from './clinic.ts';
import { unescapeCsvFormula } from './clinicCsv.ts';
import { readClinicKind } from './clinicKindFromText.ts';
import { joinCellLines } from './joinCellLines.ts';
import { readNoMailingCell } from './noMailingCell.ts';

/**
 * Fields a column of an imported list can fill. 'id' is only ever in this app's own export;
 * it lets a list moved between machines keep each clinic's identity.
 */
export const clinicImportFields = [...clinicFieldOrder, 'noMailing', 'noMailingReason', 'id'] as const;
export type ClinicImportField = (typeof clinicImportFields)[number];
/** One entry per column of the file: the field it fills, or '' to leave the column out. */
export type ColumnMapping = (ClinicImportField | '')[];

export const clinicImportFieldLabels: Record<ClinicImportField, string> = {
  ...clinicFieldLabels,
  id: '管理用ID（このアプリで書き出した一覧）',
};

export const requiredImportFields: readonly ClinicImportField[] = ['name'];

/** What to do with a row that is a clinic already registered here. */
export const clinicMatchActions = ['skip', 'update', 'addNew'] as const;
export type ClinicMatchAction = (typeof clinicMatchActions)[number];
export const clinicMatchActionLabels: Record<ClinicMatchAction, string> = {
  skip: '取り込まない',
  update: '今の内容を更新する',
  addNew: '別の医療機関として追加する',
};

export type MatchRule = 'id' | 'memberNumber' | 'phone' | 'nameAddress';
export const matchRuleLabels: Record<MatchRule, string> = {
  id: 'ID',
  memberNumber: '会員番号',
  phone: '電話番号',
  nameAddress: '医療機関名と所在地',
};

/** How headers are compared: width, case, spaces and brackets never matter. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s・,.:：()（）「」[\]【】_\-‐－―/／*※]/g, '');
}

// Headers staff lists actually use, per field. Exact matches win over partial ones, and the
// partial pass runs in this order so that 施設名カナ is ふりがな (not 医療機関名),
// FAX番号 is FAX (not 電話番号) and 送付不要理由 is the reason (not the mark).
const headerAliases: [ClinicImportField, string[]][] = [
  ['id', ['id', '管理用id']],
  ['noMailingReason', ['送付不要の理由', '送付不要理由', '送付停止の理由', '送付停止理由']],
  ['noMailing', ['送付不要', '郵送不要', '発送不要', '送付停止', 'dm不要']],
  ['nameKana', ['ふりがな', 'フリガナ', 'よみがな', 'ヨミガナ', 'かな', 'カナ', 'よみ', 'ヨミ', '読み', '読み仮名', 'kana']],
  ['fax', ['fax', 'fax番号', 'ファックス', 'ファクス', 'ファクシミリ', 'ファックス番号']],
  ['memberNumber', ['会員番号', '会員no', '会員id', '会員コード', '会員']],
  ['postalCode', ['郵便番号', '〒', '郵便', 'zip', '郵便no']],
  ['bedCount', ['病床数', '病床', '床数', 'ベッド数']],
  ['contactPerson', ['ご担当者名', 'ご担当者', '担当者名', '担当者', '担当', '連絡担当者']],
  ['kind', ['種別', '種類', '施設種別', '医療機関種別', '区分']],
  ['phone', ['電話番号', '電話', 'tel', 'telephone', '代表電話', '電話no', 'phone']],
  ['address', ['所在地', '住所', '所在地住所']],
  ['memo', ['メモ', '備考', '摘要', 'コメント', '特記事項']],
  ['name', ['医療機関名', '施設名', '名称', '医療機関', '病院名', '診療所名', '医院名', '機関名', '施設名称', '医療機関名称']],
];
const normalizedAliases = headerAliases.map(([field, aliases]) => [field, aliases.map(normalizeHeader)] as const);

/** A first guess at which field each column fills, from its header; the user can change it. */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = headers.map(() => '');
  const taken = new Set<ClinicImportField>();
  const keys = headers.map(normalizeHeader);
  const assign = (test: (key: string, alias: string) => boolean) => {
    for (const [field, aliases] of normalizedAliases) {
      if (taken.has(field)) continue;
      const column = keys.findIndex((key, i) => mapping[i] === '' && key !== '' && aliases.some((alias) => test(key, alias)));
      if (column >= 0) {
        mapping[column] = field;
        taken.add(field);
      }
    }
  };
  assign((key, alias) => key === alias);
  // A partial match needs an alias of two characters or more: 「会」 alone says nothing.
  assign((key, alias) => alias !== 'id' && [...alias].length >= 2 && key.includes(alias));
  return mapping;
}

/** Required fields no column is mapped to. */
export function missingRequiredFields(mapping: ColumnMapping): ClinicImportField[] {
  return requiredImportFields.filter((field) => !mapping.includes(field));
}

/** Excel's name for a column: A, B, … Z, AA, AB … */
export function excelColumnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export interface RowProblem {
  field: string;
  message: string;
}

/**
 * A row read through the mapping: the validated fields, or what is wrong with it. `changes` are
 * cells read otherwise than the file has them (line breaks joined), for the preview to list.
 */
export type ReadRow =
  | {
      ok: true;
      id: string | undefined;
      fields: ClinicFields;
      given: Set<ClinicImportField>;
      /** Why the 種別 is 未確認, and the kind the row suggests (a name with 病院) for staff to confirm. */
      kindQuestion: string | undefined;
      suggestedKind: ClinicKind | undefined;
      changes: RowProblem[];
    }
  | { ok: false; problems: RowProblem[] };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether every cell of a record is blank: Excel writes empty rows as ",,,," or "". */
export function isBlankRecord(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/**
 * Reads one record through the mapping with the clinic form's own rules (clinicInputSchema), so
 * half-width katakana, full-width digits and hyphen variants end up exactly as typed in the form.
 * `given` lists the fields whose cells were not blank: an update never blanks a field.
 */
export function readClinicRow(cells: readonly string[], mapping: ColumnMapping): ReadRow {
  const raw: Partial<Record<ClinicImportField, string>> = {};
  const given = new Set<ClinicImportField>();
  const changes: RowProblem[] = [];
  mapping.forEach((field, column) => {
    if (field === '') return;
    // Excel writes a line break inside a cell as LF; other tools as CRLF. The form uses LF.
    let cell = unescapeCsvFormula(cells[column] ?? '').replace(/\r\n?/g, '\n');
    // Alt+Enter in a one-line field is how Excel users wrap a long address, not a second value.
    if (field !== 'memo') {
      const joined = joinCellLines(cell);
      if (joined.changed) changes.push({ field: clinicImportFieldLabels[field], message: joined.message });
      cell = joined.text;
    }
    raw[field] = cell;
    // 送付不要 is a yes/no column: a blank cell there says 'not marked', as the export writes it.
    if (cell.trim() !== '' || field === 'noMailing') given.add(field);
  });
  const problems: RowProblem[] = [];

  let bedCount: number | null = null;
  const bedText = (raw.bedCount ?? '').normalize('NFKC').replace(/\s|床/g, '');
  if (bedText !== '') {
    if (/^\d+$/.test(bedText)) bedCount = Number(bedText);
    else problems.push({ field: clinicFieldLabels.bedCount, message: `病床数「${clip(raw.bedCount!)}」は数字で入力してください` });
  }

  const mark = raw.noMailing === undefined ? undefined : readNoMailingCell(raw.noMailing);
  if (mark && !mark.ok) problems.push({ field: clinicFieldLabels.noMailing, message: mark.message });

  const kindReading = readClinicKind(raw.kind, bedCount, raw.name ?? '');
  if (!kindReading.given) given.delete('kind');
  if (problems.length > 0) return { ok: false, problems };

  const parsed = clinicInputSchema.safeParse({
    name: raw.name ?? '',
    nameKana: raw.nameKana ?? '',
    kind: kindReading.kind,
    bedCount,
    postalCode: raw.postalCode ?? '',
    address: raw.address ?? '',
    phone: raw.phone ?? '',
    fax: raw.fax ?? '',
    contactPerson: raw.contactPerson ?? '',
    memberNumber: raw.memberNumber ?? '',
    memo: raw.memo ?? '',
    // The mark is set below, not checked here: an update that marks a clinic may keep the
    // reason stored (planRows checks the clinic as it will be).
    noMailingReason: raw.noMailingReason,
  });
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? 'name') as keyof typeof clinicFieldLabels;
        return { field: clinicFieldLabels[key] ?? String(key), message: issue.message };
      }),
    };
  }
  const id = (raw.id ?? '').trim();
  return {
    ok: true,
    id: uuidPattern.test(id) ? id.toLowerCase() : undefined,
    fields: mark?.ok ? { ...parsed.data, noMailing: mark.noMailing } : parsed.data,
    given,
    kindQuestion: kindReading.question,
    suggestedKind: kindReading.suggestion,
    changes,
  };
}

/** The name a row gives for its clinic, as the problem and change lists show it ('' if none). */
export function rowClinicName(cells: readonly string[], mapping: ColumnMapping): string {
  const column = mapping.indexOf('name');
  return column < 0 ? '' : clip(joinCellLines(unescapeCsvFormula(cells[column] ?? '')).text.trim());
}

function clip(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}

/**
 * The clinic after an update from a row: only fields whose cells were filled change, so a list
 * without ご担当者名 (or with a blank one) never erases what staff recorded.
 */
export function mergeForUpdate(
  current: ClinicFields,
  incoming: ClinicFields,
  given: ReadonlySet<ClinicImportField>,
): ClinicFields {
  const merged = { ...current };
  for (const key of Object.keys(current) as (keyof ClinicFields)[]) {
    if (given.has(key as ClinicImportField)) (merged as Record<string, unknown>)[key] = incoming[key];
  }
  return merged;
}

export function sameClinicFields(a: ClinicFields, b: ClinicFields): boolean {
  return (Object.keys(a) as (keyof ClinicFields)[]).every((key) => a[key] === b[key]);
}

/** Japanese reasons a row is left out that come from the file as a whole, not one cell. */
export const importRowMessages = {
  memberNumberTaken: (member: string) => `会員番号「${member}」はすでに別の医療機関に登録されています`,
  duplicateInFile: (row: number, rule: MatchRule) => `${row}行目と同じ医療機関です（${matchRuleLabels[rule]}が同じ）`,
  sameClinicTwice: (row: number) => `${row}行目と同じ登録済みの医療機関を更新しようとしています`,
} as const;
