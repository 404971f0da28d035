import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { CouchHub } from './couchHub.ts';
import { officialSource } from './officialRateTable.ts';

/** An official premium table as the agency's file holds it; `yen` sets its figures, `schemaVersion` its format. */
export function officialTable(version: string, yen: number, schemaVersion = 1) {
  return {
    schemaVersion,
    version,
    status: 'confirmed',
    packCode: 'SJ24-13707',
    title: '月額保険料',
    conditions: ['保険期間１年', '団体割引15%', '告知書割引なし', '１２回払'],
    roundingRule: '月額保険料は表の金額（円）をそのまま用います。端数は生じません。',
    plans: [
      { id: 'P1', name: 'ベーシック' },
      { id: 'P2', name: 'スタンダード' },
    ],
    monthlyPremiums: { clinic_no_beds: { P1: yen, P2: yen + 1000 }, clinic_with_beds: { P1: yen + 2000, P2: yen + 3000 } },
  };
}

/**
 * Writes the two documents a machine with a newer app writes when it installs a table: the
 * history row as a record, and its file. Plays a machine this app cannot keep up with.
 */
export async function putAsNewerApp(hub: CouchHub, table: ReturnType<typeof officialTable>, id: string): Promise<string> {
  const installedAt = new Date().toISOString();
  const fileName = `${installedAt.replace(/[-:.]/g, '')}-${id.slice(-8)}-rates.json`;
  const fields = {
    id, kind: 'rates', label: table.version, file_name: fileName, staff_id: null, installed_at: installedAt, reverted_at: null,
    machine: 'newer-machine', source_document: officialSource.document, source_date: officialSource.date,
  };
  const stamps = Object.fromEntries(Object.keys(fields).map((field) => [field, { t: installedAt, m: 'newer-machine', c: 1 }]));
  const text = `${JSON.stringify(table, null, 2)}\n`;
  const docs = [
    { _id: `contentFile:${id}`, table: 'content_file', changeId: id, kind: 'rates', fileName, sha256: createHash('sha256').update(text).digest('hex'), text },
    { _id: `content_changes:${id}`, table: 'content_changes', schema: 99, fields, stamps, seen: { 'newer-machine': 1 } },
  ];
  const answer = await hub.request('POST', `${new URL(hub.dbUrl).pathname}/_bulk_docs`, { docs }, hub.admin);
  expect(answer.status).toBe(201);
  return id;
}
