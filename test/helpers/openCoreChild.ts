/**
 * Opens a data folder in a process of its own, as the app does at start, and prints what came of
 * it as one JSON line: {"ok":true} or {"ok":false,"code","message"}. With "save", it then creates
 * a clinic and prints that call's envelope instead. Spawned by test/helpers/otherUser.ts as
 * another user, so that folder permissions really apply (the tests run as root).
 * Usage: node test/helpers/openCoreChild.ts <dataDir> [save]
 */
import { openCore } from '../../electron/core/openCore.ts';

const [dataDir, then] = process.argv.slice(2) as [string, string | undefined];
try {
  const core = await openCore({ dataDir, mode: 'preview' });
  const answer = then === 'save' ? await core.dispatch('clinics.create', { name: '霧島眼科' }) : { ok: true };
  await core.close();
  process.stdout.write(JSON.stringify(answer));
} catch (error) {
  const { code, message } = error as { code?: string; message?: string };
  process.stdout.write(JSON.stringify({ ok: false, code, message }));
}
