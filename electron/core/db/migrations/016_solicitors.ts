import type { Migration } from '../migrate.ts';

/**
 * Who solicited (issue 22, 保険業法275条・302条): each staff record carries the solicitor's
 * registration with the 損保協会 (募集人ID, 届出日, the qualification held and when it expires), and
 * every status change keeps a snapshot of the person who made it (actor, JSON), so the history
 * still names them as they were after the staff record is edited. Both are shared: the staff
 * columns merge field by field like the other staff fields; history rows are written once and
 * never edited. Frozen: the SQL stays as it shipped.
 */
export const solicitors: Migration = {
  version: 16,
  name: 'solicitors',
  up(db) {
    const date = (column: string) => `CHECK (${column} IS NULL OR ${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`;
    db.exec(`
      ALTER TABLE staff ADD COLUMN solicitor_id TEXT CHECK (solicitor_id IS NULL OR length(solicitor_id) BETWEEN 1 AND 20);
      ALTER TABLE staff ADD COLUMN notified_on TEXT ${date('notified_on')};
      ALTER TABLE staff ADD COLUMN qualification TEXT CHECK (qualification IS NULL OR length(qualification) BETWEEN 1 AND 100);
      ALTER TABLE staff ADD COLUMN qualification_expires_on TEXT ${date('qualification_expires_on')};
      ALTER TABLE inquiry_status_history ADD COLUMN actor TEXT CHECK (actor IS NULL OR json_valid(actor));
    `);
  },
};
