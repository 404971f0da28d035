import { statement, type Db } from '../db/connection.ts';
import { normaliseSql, type SchemaObject } from '../backup/schemaAtVersion.ts';
import { migrations } from '../db/migrations/index.ts';
import { sharedTableShapes } from './sharedFields.ts';

/**
 * The triggers that queue each changed shared field in the outbox. They exist only while this
 * machine shares: a table with a trigger makes SQLite keep a statement journal for every write,
 * and each one makes the search index flush what it holds, which tripled the time a large import
 * took on a machine that never shares (100,000 clinics: 0.9 s bare, 2.5–2.8 s with them).
 *
 * Built from today's shared fields, so a column added later is queued as soon as the app that
 * knows it starts. The trigger still reads the switches: remote documents being applied are never
 * queued back.
 */
const queueing = '(SELECT sharing = 1 AND applying = 0 FROM sync_state WHERE id = 1)';

function tableTriggers(table: string, columns: readonly string[], editedAt: string): string[] {
  const docId = (row: 'NEW' | 'OLD') => `'${table}:' || ${row}.id`;
  const changed = columns
    .filter((c) => c !== 'id')
    .map((c) => `SELECT '${c}' AS field WHERE OLD.${c} IS NOT NEW.${c}`)
    .join(' UNION ALL ');
  return [
    `CREATE TRIGGER sync_outbox_${table}_insert AFTER INSERT ON ${table} WHEN ${queueing}
     BEGIN
       INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) VALUES (${docId('NEW')}, '*', NEW.${editedAt});
     END`,
    `CREATE TRIGGER sync_outbox_${table}_update AFTER UPDATE ON ${table} WHEN ${queueing}
     BEGIN
       INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) SELECT ${docId('NEW')}, field, NEW.${editedAt} FROM (${changed});
     END`,
    `CREATE TRIGGER sync_outbox_${table}_delete AFTER DELETE ON ${table} WHEN ${queueing}
     BEGIN
       INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) VALUES (${docId('OLD')}, '*', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
     END`,
  ];
}

type Shapes = Readonly<Record<string, { columns: readonly string[]; editedAt: string }>>;

/**
 * The shared columns as schema 12 had them (before merged_into, clinic_merges and content_changes
 * came with schema 13): a backup a sharing machine made then carries the triggers built from
 * these. Frozen, written out: today's shapes will change again.
 */
const shapesOfSchema12: Shapes = {
  clinics: {
    columns: ['id', 'name', 'name_kana', 'kind', 'bed_count', 'postal_code', 'address', 'phone', 'fax', 'contact_person', 'member_number', 'memo',
      'created_at', 'updated_at', 'updated_by', 'updated_by_staff', 'archived_at'],
    editedAt: 'updated_at',
  },
  inquiries: {
    columns: ['id', 'receipt_number', 'clinic_id', 'received_on', 'channel', 'content', 'status', 'next_action_on', 'staff_id',
      'created_at', 'updated_at', 'updated_by', 'updated_by_staff', 'archived_at'],
    editedAt: 'updated_at',
  },
  inquiry_status_history: { columns: ['id', 'inquiry_id', 'from_status', 'to_status', 'reason', 'staff_id', 'changed_at', 'machine'], editedAt: 'changed_at' },
  inquiry_quotes: { columns: ['id', 'inquiry_id', 'snapshot', 'staff_id', 'created_at', 'machine'], editedAt: 'created_at' },
  document_outputs: {
    columns: ['id', 'output_key', 'clinic_id', 'inquiry_id', 'documents', 'action', 'batch_size', 'staff_id', 'created_at', 'machine', 'agency_texts'],
    editedAt: 'created_at',
  },
  staff: { columns: ['id', 'name', 'active', 'created_at', 'updated_at', 'updated_by'], editedAt: 'updated_at' },
};

/**
 * The shared columns of schemas 13 to 15 (clinic merges and shared content, before the audit
 * records of issue 22 came with schema 16): what a backup a sharing machine made then carries.
 * Frozen, written out.
 */
export const shapesOfSchema13: Shapes = {
  clinics: {
    columns: ['id', 'name', 'name_kana', 'kind', 'bed_count', 'postal_code', 'address', 'phone', 'fax', 'contact_person', 'member_number', 'memo', 'created_at', 'updated_at', 'updated_by', 'updated_by_staff', 'archived_at', 'merged_into'],
    editedAt: 'updated_at',
  },
  inquiries: {
    columns: ['id', 'receipt_number', 'clinic_id', 'received_on', 'channel', 'content', 'status', 'next_action_on', 'staff_id', 'created_at', 'updated_at', 'updated_by', 'updated_by_staff', 'archived_at'],
    editedAt: 'updated_at',
  },
  inquiry_status_history: {
    columns: ['id', 'inquiry_id', 'from_status', 'to_status', 'reason', 'staff_id', 'changed_at', 'machine'],
    editedAt: 'changed_at',
  },
  inquiry_quotes: {
    columns: ['id', 'inquiry_id', 'snapshot', 'staff_id', 'created_at', 'machine'],
    editedAt: 'created_at',
  },
  document_outputs: {
    columns: ['id', 'output_key', 'clinic_id', 'inquiry_id', 'documents', 'action', 'batch_size', 'staff_id', 'created_at', 'machine', 'agency_texts'],
    editedAt: 'created_at',
  },
  staff: {
    columns: ['id', 'name', 'active', 'created_at', 'updated_at', 'updated_by'],
    editedAt: 'updated_at',
  },
  content_changes: {
    columns: ['id', 'kind', 'label', 'file_name', 'staff_id', 'installed_at', 'reverted_at', 'machine', 'source_document', 'source_date'],
    editedAt: 'installed_at',
  },
  clinic_merges: {
    columns: ['id', 'kept_id', 'merged_id', 'chosen', 'kept_before', 'merged_before', 'moved', 'kept_updated_at', 'staff_id', 'created_at', 'updated_at', 'machine', 'undone_at'],
    editedAt: 'updated_at',
  },

};

/** Every outbox trigger as this app creates it, by name. */
export function outboxTriggers(): Map<string, string> {
  return triggersOf(sharedTableShapes);
}

function triggersOf(shapes: Shapes): Map<string, string> {
  const all = [
    `CREATE TRIGGER sync_outbox_notice_resolved AFTER UPDATE OF resolved_at ON sync_notices
       WHEN ${queueing} AND OLD.resolved_at IS NOT NEW.resolved_at
     BEGIN
       INSERT OR REPLACE INTO sync_outbox (doc_id, field, changed_at) VALUES ('notice:' || NEW.id, 'resolvedAt', NEW.resolved_at);
     END`,
    ...Object.entries(shapes).flatMap(([table, shape]) => tableTriggers(table, shape.columns, shape.editedAt)),
  ];
  return new Map(all.map((sql) => [/^CREATE TRIGGER (\S+)/.exec(sql)![1]!, sql]));
}

/**
 * What each migration after schema 15 added to the shared columns (a whole table, or columns of
 * one), by migration name. Taken away in order from today's, they give the shared columns, and
 * so the outbox triggers, of any schema in between; schema 13's are written out above and checked
 * against this list by a test.
 */
const sharedColumnsAddedBy: readonly { migration: string; table: string; columns?: readonly string[] }[] = [
  { migration: 'important_matters_handovers', table: 'important_matters_handovers' },
  { migration: 'inquiry intents', table: 'inquiry_intents' },
  {
    migration: 'document trail',
    table: 'document_outputs',
    columns: ['content_code', 'content_date', 'rate_version', 'quote_id', 'sent_by', 'fax_number', 'sha256', 'actor', 'kept_file', 'inputs'],
  },
  { migration: 'insurer consent', table: 'inquiries', columns: ['insurer_consent'] },
  { migration: 'insurer consent', table: 'agency_settings' },
  { migration: 'solicitors', table: 'staff', columns: ['solicitor_id', 'notified_on', 'qualification', 'qualification_expires_on'] },
  { migration: 'solicitors', table: 'inquiry_status_history', columns: ['actor'] },
  { migration: 'inquiry step marks', table: 'inquiry_step_marks' },
  { migration: 'inquiry follow ups', table: 'inquiry_follow_ups' },
  { migration: 'clinic no mailing', table: 'clinics', columns: ['no_mailing', 'no_mailing_reason'] },
];

/** The shared columns of a schema from 13 on: today's, less what later migrations added. */
export function sharedShapesOfSchema(version: number): Shapes {
  const shapes: Record<string, { columns: readonly string[]; editedAt: string }> = Object.fromEntries(
    Object.entries(sharedTableShapes).map(([table, { columns, editedAt }]) => [table, { columns, editedAt }]),
  );
  for (const added of sharedColumnsAddedBy) {
    const at = migrations.findIndex((m) => m.name === added.migration) + 1;
    if (at === 0) throw new Error(`no migration named ${added.migration}`);
    if (at <= version) continue;
    const shape = shapes[added.table];
    if (!added.columns) delete shapes[added.table];
    else if (shape) shapes[added.table] = { ...shape, columns: shape.columns.filter((c) => !added.columns!.includes(c)) };
  }
  return shapes;
}

/** The schema version from which the outbox triggers are not part of any migration (12). */
export const outboxTriggersLeftSchemaAt = 12;

/** The outbox triggers an app of this schema version (12 on) made while sharing, by name. */
export function outboxTriggersOfSchema(version: number): Map<string, string> {
  return version < 13 ? triggersOf(shapesOfSchema12) : triggersOf(sharedShapesOfSchema(version));
}

/** One of the outbox triggers an app of this schema version made while sharing, word for word: what its backups carry. */
export function isOutboxTriggerOfSchema(object: SchemaObject, version: number): boolean {
  if (version < outboxTriggersLeftSchemaAt || object.type !== 'trigger' || object.sql === null) return false;
  const triggers = outboxTriggersOfSchema(version);
  return normaliseSql(triggers.get(object.name) ?? null) === object.sql;
}

const installedTriggers = (db: Db) =>
  statement(db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_outbox\\_%' ESCAPE '\\'").all() as { name: string; sql: string }[];

/** Whether the outbox triggers are exactly those of `on` (all of today's, or none). */
export function outboxTriggersAre(db: Db, on: boolean): boolean {
  const wanted = on ? outboxTriggers() : new Map<string, string>();
  const installed = installedTriggers(db);
  return installed.length === wanted.size && installed.every((t) => normaliseSql(wanted.get(t.name) ?? null) === normaliseSql(t.sql));
}

/**
 * Creates today's outbox triggers (`on`) or removes them, replacing any other trigger of that
 * name (an older app's, or one a restored file brought). Inside the caller's transaction.
 */
export function setOutboxTriggers(db: Db, on: boolean): void {
  if (outboxTriggersAre(db, on)) return;
  for (const { name } of installedTriggers(db)) db.exec(`DROP TRIGGER "${name}"`);
  if (on) for (const sql of outboxTriggers().values()) db.exec(sql);
}

/** On opening: the triggers follow the sharing switch, whatever an upgrade or a restore left. */
export function matchOutboxTriggersToSharing(db: Db): void {
  const sharing = (statement(db, 'SELECT sharing FROM sync_state WHERE id = 1').get() as { sharing: number }).sharing === 1;
  if (!outboxTriggersAre(db, sharing)) db.transaction(() => setOutboxTriggers(db, sharing))();
}
