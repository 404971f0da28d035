/**
 * One 1,000-sheet mailing in a process of its own, so that its peak memory is the app's (the
 * core and its PDF worker), not the bench's: `node faxBatchRun.ts <data folder>`. Prints one
 * JSON line: the time from jobs.start to the finished job, the peak RSS and what was made.
 */
import fs from 'node:fs';
import { openReadOnlyDatabase } from '../../../electron/core/db/connection.ts';
import type { JobResult } from '../../../shared/contract/jobs.ts';
import { jobResult, openBenchCore, runJob } from './benchCore.ts';
import { embeddedFonts, expectOnPage } from './pdfCheck.ts';
import { peakRssMb } from './scenario.ts';
import { since } from './stats.ts';

const dataDir = process.argv[2]!;
const core = await openBenchCore(dataDir);
const db = openReadOnlyDatabase(core.dbPath);
const rows = db.prepare('SELECT id, name FROM clinics ORDER BY seq').all() as { id: string; name: string }[];
db.close();
const rssBeforeMb = Math.round(process.memoryUsage().rss / 2 ** 20);

const started = performance.now();
const state = await runJob(core, 'documents.render', { documents: ['inquiryFaxSheet'], clinicIds: rows.map((r) => r.id) });
const ms = since(started);
const peak = peakRssMb();
const result = jobResult<JobResult<'documents.render'>>(state);

const file = core.files.get(result.file.fileId)!.path;
if (result.pages !== rows.length) throw new Error(`the PDF has ${result.pages} pages, expected ${rows.length}`);
// Every page is its own clinic's sheet: the first, the last and one of each rare kanji are checked.
for (const i of [0, rows.length - 1, ...['髙', '﨑', '𠮷'].map((k) => rows.findIndex((r) => r.name.includes(k)))]) {
  expectOnPage(file, i + 1, rows[i]!.name);
}
if (!embeddedFonts(file).some((f) => f.includes('NotoSansJP'))) throw new Error('the fallback font for 𠮷 is not embedded');
const bytes = fs.statSync(file).size;
await core.close();
process.stdout.write(`${JSON.stringify({ ms, peakRssMb: peak, rssBeforeMb, pages: result.pages, bytes })}\n`);
