import { sharedTables, type SharedTable } from './syncPorts.ts';

/**
 * What of each shared table replicates: its shared columns by SQLite name (never seq, the
 * normalised shadows, phone digits or the per-machine revision counter), the column that says
 * when a row was edited (a field's stamp time), and the rows it points at, which must be here
 * before it can be written. Migration 11's triggers queue exactly these columns.
 * clinics.municipality (市町村, migration 15) is not shared either: every machine derives it from
 * postal_code and address, which are (remoteRows.ts reindexClinic), so it never conflicts.
 * inquiries.insurer_consent (同意の有無, migration 16) is shared and merges per field like 状況.
 * clinics.no_mailing and no_mailing_reason (送付不要, migration 'clinic no mailing') are shared and
 * merge per field like the clinic's other fields.
 */
export interface SharedTableShape {
  columns: readonly string[];
  editedAt: string;
  parents: readonly { column: string; table: SharedTable }[];
}

export const sharedTableShapes: Record<SharedTable, SharedTableShape> = {
  clinics: {
    columns: ['id', 'name', 'name_kana', 'kind', 'bed_count', 'postal_code', 'address', 'phone', 'fax', 'contact_person', 'member_number', 'memo',
      'created_at', 'updated_at', 'updated_by', 'updated_by_staff', 'archived_at', 'merged_into', 'no_mailing', 'no_mailing_reason'],
    editedAt: 'updated_at',
    parents: [{ column: 'merged_into', table: 'clinics' }],
  },
  inquiries: {
    columns: ['id', 'receipt_number', 'clinic_id', 'received_on', 'channel', 'content', 'status', 'next_action_on', 'staff_id',
      'created_at', 'updated_at', 'updated_by', 'updated_by_staff', 'archived_at', 'insurer_consent'],
    editedAt: 'updated_at',
    parents: [{ column: 'clinic_id', table: 'clinics' }, { column: 'staff_id', table: 'staff' }, { column: 'updated_by_staff', table: 'staff' }],
  },
  inquiry_status_history: {
    columns: ['id', 'inquiry_id', 'from_status', 'to_status', 'reason', 'staff_id', 'changed_at', 'machine', 'actor'],
    editedAt: 'changed_at',
    parents: [{ column: 'inquiry_id', table: 'inquiries' }, { column: 'staff_id', table: 'staff' }],
  },
  inquiry_quotes: {
    columns: ['id', 'inquiry_id', 'snapshot', 'staff_id', 'created_at', 'machine'],
    editedAt: 'created_at',
    parents: [{ column: 'inquiry_id', table: 'inquiries' }, { column: 'staff_id', table: 'staff' }],
  },
  // The trail of documents given (migration 'document trail'): rows are written once (insert-only
  // triggers), so their fields never conflict; clinic_id is the one field that moves, when a
  // clinic merge re-points them, and is null for blank forms and a チラシ alone. kept_file names
  // the PDF kept in the writing machine's data folder: the file itself stays there.
  document_outputs: {
    columns: ['id', 'output_key', 'clinic_id', 'inquiry_id', 'documents', 'action', 'batch_size', 'staff_id', 'created_at', 'machine', 'agency_texts',
      'content_code', 'content_date', 'rate_version', 'quote_id', 'sent_by', 'fax_number', 'sha256', 'actor', 'kept_file', 'inputs'],
    editedAt: 'created_at',
    parents: [{ column: 'clinic_id', table: 'clinics' }, { column: 'inquiry_id', table: 'inquiries' }, { column: 'staff_id', table: 'staff' },
      { column: 'quote_id', table: 'inquiry_quotes' }],
  },
  // The 募集人 fields (migration solicitors) merge field by field like the name.
  staff: {
    columns: ['id', 'name', 'active', 'solicitor_id', 'notified_on', 'qualification', 'qualification_expires_on', 'created_at', 'updated_at', 'updated_by'],
    editedAt: 'updated_at',
    parents: [],
  },
  // 意向把握・意向確認 (migration inquiry intents): written once, never edited (a correction is a
  // new row), so its fields never conflict. The actor is a snapshot, not a link to staff.
  inquiry_intents: {
    columns: ['id', 'inquiry_id', 'stage', 'questions', 'answers', 'differs_explanation', 'confirmed_on', 'actor', 'created_at', 'machine'],
    editedAt: 'created_at',
    parents: [{ column: 'inquiry_id', table: 'inquiries' }],
  },
  // 取り込みの記録: its file travels beside it (contentDocs.ts). The row has no edit time of its
  // own; 取り消す, its one edit, is stamped with the installation's.
  content_changes: {
    columns: ['id', 'kind', 'label', 'file_name', 'staff_id', 'installed_at', 'reverted_at', 'machine', 'source_document', 'source_date'],
    editedAt: 'installed_at',
    parents: [{ column: 'staff_id', table: 'staff' }],
  },
  // Insert-only: a row is written once, so it never conflicts (migration 21).
  inquiry_step_marks: {
    columns: ['id', 'inquiry_id', 'step', 'done_on', 'actor', 'created_at', 'machine'],
    editedAt: 'created_at',
    parents: [{ column: 'inquiry_id', table: 'inquiries' }],
  },
  // Insert-only as well (migration 22).
  inquiry_follow_ups: {
    columns: ['id', 'inquiry_id', 'done_on', 'how', 'note', 'actor', 'created_at', 'machine'],
    editedAt: 'created_at',
    parents: [{ column: 'inquiry_id', table: 'inquiries' }],
  },
  clinic_merges: {
    columns: ['id', 'kept_id', 'merged_id', 'chosen', 'kept_before', 'merged_before', 'moved', 'kept_updated_at', 'staff_id', 'created_at', 'updated_at', 'machine', 'undone_at'],
    editedAt: 'updated_at',
    parents: [{ column: 'kept_id', table: 'clinics' }, { column: 'merged_id', table: 'clinics' }, { column: 'staff_id', table: 'staff' }],
  },
  // 重要事項説明書の交付 (migration important_matters_handovers): insert-only, so a row is written
  // once and merges trivially; a withdrawal is its own row pointing at the handover it withdraws.
  // The actor is a snapshot (JSON), not a reference to staff.
  important_matters_handovers: {
    columns: ['id', 'inquiry_id', 'handed_on', 'doc_code', 'doc_date', 'method', 'withdraws', 'reason', 'actor', 'created_at', 'machine'],
    editedAt: 'created_at',
    parents: [{ column: 'inquiry_id', table: 'inquiries' }, { column: 'withdraws', table: 'important_matters_handovers' }],
  },
  // The agency's rules every machine applies alike (保存期間): one row per setting, its value
  // merging per field, the later edit winning by its stamp. Migration 16 (insurer consent).
  agency_settings: { columns: ['id', 'value', 'updated_at', 'updated_by', 'updated_by_staff'], editedAt: 'updated_at', parents: [{ column: 'updated_by_staff', table: 'staff' }] },
};

/**
 * Who last wrote a row: rewritten by every edit, so two machines editing different fields of one
 * record always both change these. They merge like any field but never make a conflict notice.
 */
export const bookkeepingColumns: ReadonlySet<string> = new Set(['updated_at', 'updated_by', 'updated_by_staff',
  // Two machines taking back the same table at once agree; only the times differ.
  'reverted_at']);

/** Children before parents: the order deletions must run in so no foreign key is left dangling. */
// document_outputs before inquiry_quotes: an output names the saved quote its 試算書 came from.
export const childFirstTables: readonly SharedTable[] = ['agency_settings', 'important_matters_handovers', 'content_changes', 'clinic_merges', 'inquiry_intents', 'inquiry_step_marks', 'inquiry_follow_ups', 'inquiry_status_history', 'document_outputs', 'inquiry_quotes', 'inquiries', 'clinics', 'staff'];

export function isSharedTable(table: string): table is SharedTable {
  return (sharedTables as readonly string[]).includes(table);
}

/** `<table>:<id>` for a shared row; undefined for other documents (notices, prefix claims, meta). */
export function parseRecordDocId(docId: string): { table: SharedTable; id: string } | undefined {
  const colon = docId.indexOf(':');
  if (colon < 0) return undefined;
  const table = docId.slice(0, colon);
  return isSharedTable(table) ? { table, id: docId.slice(colon + 1) } : undefined;
}

export const recordDocId = (table: SharedTable, id: string) => `${table}:${id}`;
