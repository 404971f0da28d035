/**
 * Opens a data folder in a process of its own, as the app does at start, and prints what came of
 * it as one JSON line: {"ok":true} or {"ok":false,"code","message"}. With "save", it then creates
 * a clinic and prints that call's envelope instead; with "import-after-read-only", it makes the
 * database file read-only once open (as a sync tool or an administrator might) and prints the
 * final state of a roster import. Spawned by test/helpers/otherUser.ts as another user, so that
 * permissions really apply (the tests run as root, whom chmod does not stop).
 * Usage: node test/helpers/openCoreChild.ts <dataDir> [save | import-after-read-only]
 */
import fs from 'node:fs';
import { openCore } from '../../electron/core/openCore.ts';
import type { Core } from '../../electron/core/types.ts';

async function importAfterReadOnly(core: Core) {
  fs.chmodSync(core.dbPath, 0o444);
  const file = await core.files.addBytes(Buffer.from('医療機関名,電話番号\n桜島クリニック,099-293-1234\n'), '名簿.csv', 'text/csv');
  const started = (await core.dispatch('jobs.start', { kind: 'clinics.importCsv', input: { fileId: file.fileId } })) as { ok: true; result: { jobId: string } };
  for (;;) {
    const job = (await core.dispatch('jobs.get', { jobId: started.result.jobId })) as { ok: true; result: { state: string } };
    if (job.result.state !== 'running') return job.result;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const [dataDir, then] = process.argv.slice(2) as [string, string | undefined];
try {
  const core = await openCore({ dataDir, mode: 'preview' });
  const answer =
    then === 'save' ? await core.dispatch('clinics.create', { name: '霧島眼科' }) : then === 'import-after-read-only' ? await importAfterReadOnly(core) : { ok: true };
  await core.close();
  process.stdout.write(JSON.stringify(answer));
} catch (error) {
  const { code, message } = error as { code?: string; message?: string };
  process.stdout.write(JSON.stringify({ ok: false, code, message }));
}
