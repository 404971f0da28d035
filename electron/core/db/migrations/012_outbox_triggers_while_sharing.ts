import type { Migration } from '../migrate.ts';

// Frozen copy of the trigger names migration 11 created. Never edit.
const tables = ['clinics', 'inquiries', 'inquiry_status_history', 'inquiry_quotes', 'document_outputs', 'staff'];
const names = ['sync_outbox_notice_resolved', ...tables.flatMap((t) => [`sync_outbox_${t}_insert`, `sync_outbox_${t}_update`, `sync_outbox_${t}_delete`])];

/**
 * The outbox triggers leave the schema: the app creates them while a machine shares and removes
 * them when it stops (electron/core/sync/outboxTriggers.ts), because a trigger on a table slows
 * every write to it even when it queues nothing. Opening the database puts them back at once on
 * a machine that shares. Frozen: the SQL stays as it shipped.
 */
export const outboxTriggersWhileSharing: Migration = {
  version: 12,
  name: 'outbox triggers while sharing',
  up(db) {
    db.exec(names.map((name) => `DROP TRIGGER IF EXISTS ${name};`).join('\n'));
  },
};
