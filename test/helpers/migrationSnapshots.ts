import Database from 'better-sqlite3';

/** The shape of a migration, restated so the helper can run the migrations of an older commit. */
interface AnyMigration {
  version: number;
  /** From migration 9 on: the migration runs with foreign keys off, as migrate() runs it. */
  rebuildsTables?: true;
  up(db: Database.Database): void;
}

export interface MigrationSnapshot {
  version: number;
  /** sqlite_master, one `type name tbl_name sql` line per object, whitespace collapsed. */
  schema: string[];
  /** Every real table (search index shadow tables included), rows in column order, blobs as hex. */
  data: Record<string, unknown[][]>;
}

/**
 * Rows a file of each version may hold, written before the next migration runs on it. The
 * search-relevant text is what trips a normalisation up: 髙 and 﨑 (kept by NFKC), ㈱ (folded to
 * (株)), half-width kana with voiced marks, full-width digits and hyphens, 𠮷 outside the BMP.
 * Shadow columns are literals, as an older app wrote them, so the fixture never depends on
 * today's normalisation.
 */
const dataOfVersion: Record<number, string> = {
  1: `
    INSERT INTO clinics (id, name, name_kana, kind, bed_count, postal_code, address, phone, fax, name_norm, kana_norm, created_at, updated_at, updated_by)
    VALUES
      ('c1', '髙﨑クリニック', 'ﾀｶｻｷｸﾘﾆｯｸ', 'clinic_with_beds', 19, '890-0053', '鹿児島県ｶｺﾞｼﾏ市﨑町１－２－３ ㈱髙ビル２Ｆ', '０９９－２５４－８１２６', '(099) 254-8127', '髙﨑くりにっく', 'たかさきくりにっく', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'm1'),
      ('c2', '医療法人㈱さくら会 ｻｸﾗ病院', 'ｲﾘｮｳﾎｳｼﾞﾝ ｻｸﾗｶｲ', 'hospital', 120, '892-0001', '鹿児島市ﾔﾏｼﾀ町 5-1', '099-123-4567', '', '医療法人(株)さくら会さくら病院', 'いりょうほうじんさくらかい', '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z', 'm1'),
      ('c3', '𠮷田ﾊﾟｰｸ眼科', 'ヨシダパークガンカ', 'clinic_no_beds', NULL, '', '霧島市国分－中央 3丁目', '0995-45-0000', '0995‐45‐0001', '𠮷田ぱーく眼科', 'よしだぱーくがんか', '2026-01-03T00:00:00.000Z', '2026-01-03T00:00:00.000Z', 'm2');
  `,
  2: `
    INSERT INTO clinics (id, name, name_kana, kind, address, phone, fax, member_number, contact_person, memo, name_norm, kana_norm, phone_digits, created_at, updated_at, updated_by)
    VALUES ('c4', 'ｶﾅ歯科', 'ｶﾅｼｶ', 'clinic_no_beds', '指宿市十二町\u3000２２９０', '0993-22-2111', 'FAX 0993-22-2112', 'Ａ－００１２', '田中 一郎', 'メモ：火曜休診', 'かな歯科', 'かなしか', '0993222111', '2026-02-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', 'm1');
    INSERT INTO staff (id, name, active, created_at, updated_at, updated_by) VALUES ('s1', '山﨑 花子', 1, 't', 't', 'm1');
    INSERT INTO inquiries (id, receipt_number, clinic_id, received_on, channel, content, status, next_action_on, staff_id, created_at, updated_at, updated_by)
      VALUES ('i1', 'A-2026-0001', 'c1', '2026-02-02', 'phone', '補償内容の説明', 'materials_sent', '2026-02-09', 's1', 't', 't', 'm1');
    INSERT INTO inquiry_status_history (id, inquiry_id, from_status, to_status, reason, staff_id, changed_at, machine)
      VALUES ('h1', 'i1', 'new', 'materials_sent', '', 's1', 't', 'm1');
    INSERT INTO receipt_sequences (prefix, year, last) VALUES ('A', 2026, 1);
  `,
  3: `INSERT INTO inquiry_quotes (id, inquiry_id, snapshot, staff_id, created_at, machine) VALUES ('q1', 'i1', '{"monthlyYen":1111}', 's1', 't', 'm1');`,
  4: `INSERT INTO content_changes (id, kind, label, file_name, staff_id, installed_at, machine) VALUES ('cc1', 'rates', '2026年度', 'rates.csv', 's1', 't', 'm1');`,
  5: `INSERT INTO document_outputs (id, output_key, clinic_id, inquiry_id, documents, action, batch_size, staff_id, created_at, machine)
      VALUES ('d1', 'k1', 'c1', 'i1', '["cover","quote"]', 'saved', 1, 's1', 't', 'm1');`,
};

/**
 * For each migration: a file of the previous version holding data, the migration run on it, and
 * what came out. Comparing these between two commits shows whether a migration's output changed.
 */
export function snapshotEachMigration(migrations: readonly AnyMigration[]): MigrationSnapshot[] {
  return migrations.map((migration, i) => {
    const db = new Database(':memory:');
    try {
      for (const earlier of migrations.slice(0, i)) {
        withForeignKeysFor(db, earlier, () => earlier.up(db));
        const data = dataOfVersion[earlier.version];
        if (data) db.exec(data);
      }
      withForeignKeysFor(db, migration, () => db.transaction(() => migration.up(db))());
      return { version: migration.version, schema: schemaOf(db), data: dataOf(db) };
    } finally {
      db.close();
    }
  });
}

/** A table rebuild runs with foreign keys off, as migrate() runs it; everything else with them on. */
function withForeignKeysFor(db: Database.Database, migration: AnyMigration, run: () => void): void {
  if (migration.rebuildsTables) db.pragma('foreign_keys = OFF');
  run();
  db.pragma('foreign_keys = ON');
}

export function schemaOf(db: Database.Database): string[] {
  const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
  return rows.map((r) => `${r.type} ${r.name} ${r.tbl_name} ${(r.sql ?? '').replace(/\s+/g, ' ').trim()}`);
}

export function dataOf(db: Database.Database): Record<string, unknown[][]> {
  const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string; sql: string }[];
  const data: Record<string, unknown[][]> = {};
  for (const { name, sql } of tables) {
    // A contentless FTS5 table reads nothing back; its shadow tables hold the index (compared
    // byte for byte), and its terms per row and column are listed too, to be read by a person.
    if (/^CREATE VIRTUAL TABLE/i.test(sql)) {
      db.exec(`CREATE VIRTUAL TABLE temp."${name}_terms" USING fts5vocab(main, "${name}", 'instance')`);
      data[`${name} (terms)`] = db.prepare(`SELECT doc, col, offset, term FROM temp."${name}_terms" ORDER BY doc, col, offset`).raw().all() as unknown[][];
      continue;
    }
    const columns = (db.prepare(`SELECT count(*) AS n FROM pragma_table_info(?)`).get(name) as { n: number }).n;
    const order = Array.from({ length: columns }, (_, k) => k + 1).join(', ');
    const rows = db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).raw().all() as unknown[][];
    data[name] = rows.map((row) => row.map((value) => (Buffer.isBuffer(value) ? value.toString('hex') : value)));
  }
  // Each file gets a random machine id; its presence is what counts.
  if (data.app_meta) data.app_meta = data.app_meta.map(([key, value]) => [key, key === 'machine_id' ? typeof value : value]);
  return data;
}
