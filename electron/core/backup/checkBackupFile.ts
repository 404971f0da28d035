import fs from 'node:fs';
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { Migration } from '../db/migrate.ts';
import { rateTableSourceSchema } from '../../../shared/content/rateTableSource.ts';
import { backupMessages } from '../../../shared/messages/backupMessages.ts';
import { dateStyles } from '../../../shared/domain/settings.ts';
import { quoteSnapshotSchema } from '../../../shared/quote/savedQuote.ts';
import { countIn, type BackupInfo } from './backups.ts';
import { readSchema, schemaAtVersion, type SchemaObject } from './schemaAtVersion.ts';
import { isInstalledContentFileName } from '../content/installedContentFile.ts';
import { isOutboxTriggerOfSchema } from '../sync/outboxTriggers.ts';

const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

/** Tables SQLite itself writes (ANALYZE, PRAGMA optimize): statistics only, never behaviour. */
const sqliteStatistics = new Map([
  ['sqlite_stat1', 'CREATE TABLE sqlite_stat1(tbl,idx,stat)'],
  ['sqlite_stat4', 'CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)'],
]);
const isSqliteStatistics = (o: SchemaObject) => o.type === 'table' && sqliteStatistics.get(o.name) === o.sql;


/** app_meta values the app reads back; other keys are left alone. */
const appMetaSchema = z.looseObject({
  machine_id: z.uuid(),
  receipt_prefix: z.string().regex(/^[A-Z0-9]{1,3}$/).optional(),
  date_style: z.enum(dateStyles).optional(),
  backup_made_at: z.iso.datetime().optional(),
});

export type BackupCheck = { ok: true; version: number; counts: NonNullable<BackupInfo['counts']> } | { ok: false; reason: string };

class Refusal extends Error {}
const refuse = (reason: string): never => {
  throw new Refusal(reason);
};

const key = (o: SchemaObject) => `${o.type}\0${o.name}`;

/** The first way `actual` differs from `expected`, extra objects (a foreign trigger) first. */
function schemaDifference(expected: readonly SchemaObject[], actual: readonly SchemaObject[]): string | null {
  const wanted = new Map(expected.map((o) => [key(o), o]));
  const present = new Map(actual.map((o) => [key(o), o]));
  for (const o of actual) if (!wanted.has(key(o))) return backupMessages.extraObject(o.type, o.name);
  for (const o of expected) if (!present.has(key(o))) return backupMessages.missingObject(o.type, o.name);
  for (const o of actual) {
    const w = wanted.get(key(o))!;
    if (w.sql !== o.sql || w.tblName !== o.tblName) return backupMessages.changedObject(o.type, o.name);
  }
  return null;
}

function checkSchema(db: Database.Database, migrations: readonly Migration[], version: number): void {
  // A machine that shares has the outbox triggers besides its migrations' schema; opening a
  // restored file sets them to follow its sharing switch again, so only the exact text the app of
  // that version made passes.
  const sharingTrigger = (o: SchemaObject) => isOutboxTriggerOfSchema(o, version);
  const actual = readSchema(db).filter((o) => !isSqliteStatistics(o) && !sharingTrigger(o));
  const difference = schemaDifference(schemaAtVersion(migrations, version), actual);
  if (!difference) return;
  // A file whose schema is another whole version was given a false user_version: say that.
  for (let other = 1; other <= migrations.length; other++) {
    if (other !== version && !schemaDifference(schemaAtVersion(migrations, other), actual)) refuse(backupMessages.versionMismatch(version, other));
  }
  refuse(difference);
}

/** Rows where the app stores structured data must read back as the app's own schemas. */
function checkRows(db: Database.Database, version: number): void {
  const meta = Object.fromEntries((db.prepare('SELECT key, value FROM app_meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
  const parsedMeta = appMetaSchema.safeParse(meta);
  if (!parsedMeta.success) refuse(backupMessages.badRow(backupMessages.whereSetting(String(parsedMeta.error.issues[0]?.path[0] ?? ''))));
  // Versions as in the migrations list: 3 added saved quotes, 4 the content change history.
  if (version >= 3) {
    for (const row of db.prepare('SELECT snapshot FROM inquiry_quotes').iterate() as Iterable<{ snapshot: string }>) {
      let snapshot: unknown;
      try {
        snapshot = JSON.parse(row.snapshot);
      } catch {
        refuse(backupMessages.badRow(backupMessages.whereQuote));
      }
      if (!quoteSnapshotSchema.safeParse(snapshot).success) refuse(backupMessages.badRow(backupMessages.whereQuote));
    }
  }
  if (version >= 4) {
    for (const row of db.prepare('SELECT file_name FROM content_changes').iterate() as Iterable<{ file_name: string }>) {
      if (!isInstalledContentFileName(row.file_name)) refuse(backupMessages.badRow(backupMessages.whereContentChange));
    }
  }
  // 8 added the insurer document an official table was confirmed against: a real date, as typed.
  if (version >= 8) {
    const sources = db.prepare('SELECT source_document AS document, source_date AS date FROM content_changes WHERE source_document IS NOT NULL OR source_date IS NOT NULL');
    for (const row of sources.iterate() as Iterable<{ document: string | null; date: string | null }>) {
      if (!rateTableSourceSchema().safeParse(row).success) refuse(backupMessages.badRow(backupMessages.whereContentChange));
    }
  }
}

/**
 * Whether a copy of a backup is a whole database this app wrote, at a version it knows, with
 * nothing added: its sqlite_master equals what the app's migrations build up to its
 * user_version, its references hold and its structured rows read back. Run on a temporary copy,
 * never on the live file; trusted_schema is off before the schema is read, and nothing here
 * writes, so no trigger in the file can run.
 */
export function checkBackupFile(file: string, migrations: readonly Migration[]): BackupCheck {
  const head = Buffer.alloc(sqliteHeader.length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!head.equals(sqliteHeader)) return { ok: false, reason: backupMessages.notOurBackup };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('trusted_schema = OFF');
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') return { ok: false, reason: backupMessages.damaged };
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > migrations.length) return { ok: false, reason: backupMessages.tooNew };
    if (version < 1 || !db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'clinics'").get()) {
      return { ok: false, reason: backupMessages.notOurBackup };
    }
    checkSchema(db, migrations, version);
    const dangling = db.prepare('PRAGMA foreign_key_check').get() as { table: string } | undefined;
    if (dangling) refuse(backupMessages.danglingReference(dangling.table));
    checkRows(db, version);
    return { ok: true, version, counts: countIn(db) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message };
    return { ok: false, reason: backupMessages.unreadable };
  } finally {
    db?.close();
  }
}
