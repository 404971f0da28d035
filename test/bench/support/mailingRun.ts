/**
 * One mailing in a process of its own, so that its peak memory is the app's (the core and its
 * PDF worker), not the bench's: `node mailingRun.ts <data folder> <documents,comma,separated>`.
 * Prints one JSON line: the time from jobs.start to the finished job, to the first progress
 * report that moved the bar, the PDF thread's start before it, the peak RSS and what was made.
 */
import fs from 'node:fs';
import { openReadOnlyDatabase } from '../../../electron/core/db/connection.ts';
import type { JobResult } from '../../../shared/contract/jobs.ts';
import { call, jobResult, openBenchCore, runJob } from './benchCore.ts';
import { embeddedFonts, expectOnPage } from './pdfCheck.ts';
import { peakRssMb } from './scenario.ts';
import { since } from './stats.ts';

const dataDir = process.argv[2]!;
const documents = process.argv[3]!.split(',');
const core = await openBenchCore(dataDir);
const db = openReadOnlyDatabase(core.dbPath);
const rows = db.prepare('SELECT id, name FROM clinics ORDER BY seq').all() as { id: string; name: string }[];
db.close();
// A mailing with the flyer needs an official rate table: one is confirmed as 設定 does it.
if (documents.includes('flyer')) {
  const staff = await call<{ id: string }>(core, 'staff.create', { name: '窓口 花子' });
  await call(core, 'settings.update', { currentStaffId: staff.id });
  const rates = await core.files.addBytes(Buffer.from('種別,プランID,プラン名,月額保険料（円）\r\n無床診療所,P1,Aプラン,2100\r\n有床診療所,P1,Aプラン,3900\r\n'), 'rates.csv', 'text/csv');
  await call(core, 'content.acceptImport', { kind: 'rates', fileId: rates.fileId, version: '2026年度 正式', source: { document: '医サ第26-118号', date: '2026-07-28' } });
}
// In the app the PDF thread starts once the first screen is up (fonts parsed, self-check done),
// long before a mailing: a blank form started it here too. BENCH_MAILING_COLD=1 leaves it cold.
const warmUpStarted = performance.now();
if (process.env.BENCH_MAILING_COLD !== '1') jobResult(await runJob(core, 'documents.render', { documents: ['inquiryFaxSheet'] }));
const warmUpMs = since(warmUpStarted);
const rssBeforeMb = Math.round(process.memoryUsage().rss / 2 ** 20);

const started = performance.now();
let firstMoveMs: number | undefined;
const stop = core.onEvent((event) => {
  if (event.type === 'job' && event.job.state === 'running' && event.job.progress.done > 0) firstMoveMs ??= since(started);
});
const state = await runJob(core, 'documents.render', { documents, clinicIds: rows.map((r) => r.id) });
const ms = since(started);
stop();
const peak = peakRssMb();
const result = jobResult<JobResult<'documents.render'>>(state);

const file = core.files.get(result.file.fileId)!.path;
const pagesPerClinic = result.pages / rows.length;
if (!Number.isInteger(pagesPerClinic)) throw new Error(`the PDF has ${result.pages} pages for ${rows.length} clinics`);
// Each clinic's set starts with its own cover sheet: the first, the last and one of each rare kanji are checked.
for (const i of [0, rows.length - 1, ...['髙', '﨑', '𠮷'].map((k) => rows.findIndex((r) => r.name.includes(k)))]) {
  expectOnPage(file, i * pagesPerClinic + 1, rows[i]!.name);
}
if (!embeddedFonts(file).some((f) => f.includes('NotoSansJP'))) throw new Error('the fallback font for 𠮷 is not embedded');
const bytes = fs.statSync(file).size;
await core.close();
process.stdout.write(`${JSON.stringify({ ms, firstMoveMs, warmUpMs, peakRssMb: peak, rssBeforeMb, pages: result.pages, bytes })}\n`);
