/**
 * Host cold start to the first screen: `npm run preview` (electron/cli/preview.ts) started
 * as a new process on a fresh data folder, until Chromium shows the home screen (its heading and
 * the main menu). The browser is already running, as it is on the counter PC; each run opens a
 * new browser context, so nothing is cached from the run before.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { scratchDir } from '../support/benchCore.ts';
import { launchChromium } from '../../e2e/support/browser.ts';
import { progress, runScenario } from '../support/scenario.ts';
import { round, since, summarize } from '../support/stats.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const runs = Number(process.env.BENCH_COLD_RUNS ?? 7);
const urlLine = /^http:\/\/127\.0\.0\.1:\d+\/#token=\S+$/;

/** Starts the preview and resolves with its URL and a way to stop it. */
function startPreview(dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'electron/cli/preview.ts'), '--port', '0', '--data-dir', dataDir, '--no-build'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview printed no URL within 30 s\n${stderr}`)), 30_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!urlLine.test(line.trim())) return;
      clearTimeout(timer);
      resolve({ url: line.trim(), stop });
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`preview exited before printing its URL\n${stderr}`));
    });
  });
}

runScenario('coldStart', async () => {
  if (!fs.existsSync(path.join(repoRoot, 'dist/renderer/index.html'))) {
    throw new Error('the renderer is not built: run `npm run build` (or `node electron/cli/build.ts --renderer`) first');
  }
  const browser = await launchChromium();
  try {
    let firstStartMs = 0;
    const totals: number[] = [];
    const hostReady: number[] = [];
    const firstScreen: number[] = [];
    // One start first, not counted: it brings the files into the OS cache, as any earlier start would have.
    for (let run = 0; run <= runs; run++) {
      const dataDir = scratchDir('cold');
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
      const page = await context.newPage();
      const started = performance.now();
      const preview = await startPreview(dataDir);
      const ready = since(started);
      try {
        await page.goto(preview.url);
        await page.getByRole('navigation', { name: 'メインメニュー' }).waitFor();
        await page.getByRole('heading', { level: 1, name: 'ホーム', exact: true }).waitFor();
        const total = since(started);
        if (run === 0) firstStartMs = total;
        if (run > 0) {
          totals.push(total);
          hostReady.push(ready);
          firstScreen.push(total - ready);
        }
        progress(`start ${run}${run === 0 ? ' (not counted)' : ''}: URL after ${ready.toFixed(0)} ms, home screen after ${total.toFixed(0)} ms`);
      } finally {
        await context.close();
        await preview.stop();
      }
    }
    const total = summarize(totals);
    return {
      pass: total.median <= 1500,
      target: '≤ 1.5 s from starting the host to the first screen rendered in Chromium',
      runs,
      totalMs: total,
      hostPrintsUrlMs: summarize(hostReady),
      urlToHomeScreenMs: summarize(firstScreen),
      firstStartNotCountedMs: round(firstStartMs),
      reference: null,
      ratio: round(total.median / 1500),
      note: 'new preview process (node with type stripping, --no-build) on an empty data folder; Chromium already running, new context per start',
    };
  } finally {
    await browser.close();
  }
});
