import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './tempDir.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const asRoot = process.getuid?.() === 0;
/** `nobody`: folder permissions stop it, where they never stop root. */
const nobody = { uid: 65534, gid: 65534 };
const spawnAs = asRoot ? nobody : {};

/**
 * Whether processes of the other user can run the checkout (true in /work and /tmp clones; a
 * clone under a private home folder is not readable by `nobody`). Checked once, by trying.
 */
export const otherUserCanRunCheckout: boolean =
  !asRoot || spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(path.join(repoRoot, 'node_modules', 'better-sqlite3', 'package.json'))})`], { ...spawnAs }).status === 0;

/**
 * A folder the opening process may read but not write: root's, 0755, when the tests run as root
 * (they are then spawned as `nobody`), else the test user's own folder with mode 0500.
 */
export function readOnlyFolder(): { dir: string; makeReadOnly(): void } {
  const base = tempDir('cyber-counter-readonly-');
  fs.chmodSync(base, 0o755);
  const dir = path.join(base, 'data');
  fs.mkdirSync(dir);
  return { dir, makeReadOnly: () => fs.chmodSync(dir, asRoot ? 0o755 : 0o500) };
}

/** Makes a folder (and what is in it) the other user's own, as its data folder would be. */
export function giveToOtherUser(dir: string): void {
  if (!asRoot) return;
  fs.chownSync(dir, nobody.uid, nobody.gid);
  for (const entry of fs.readdirSync(dir, { recursive: true })) fs.chownSync(path.join(dir, String(entry)), nobody.uid, nobody.gid);
}

/** Makes a file read-only for the opening process (root's 0644 when running as root). */
export function makeFileReadOnly(file: string): void {
  if (asRoot) fs.chownSync(file, 0, 0);
  fs.chmodSync(file, asRoot ? 0o644 : 0o444);
}

export interface ProcessRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a Node script of the checkout with the project's Node, as the other user when root. */
export function runNodeAsOtherUser(args: string[], options: { timeoutMs?: number } = {}): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, ...spawnAs, stdio: ['ignore', 'pipe', 'pipe'], timeout: options.timeoutMs ?? 50_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Opens the data folder in a process of its own as the other user; what openCore answered. */
export async function openCoreAsOtherUser(
  dataDir: string,
  then?: 'save' | 'import-after-read-only',
): Promise<{ ok?: boolean; code?: string; message?: string; state?: string; error?: { code: string; message: string } }> {
  const run = await runNodeAsOtherUser(['test/helpers/openCoreChild.ts', dataDir, ...(then ? [then] : [])]);
  try {
    return JSON.parse(run.stdout) as { ok: boolean };
  } catch {
    throw new Error(`the opening process printed no answer (exit ${run.status}): ${run.stderr}`);
  }
}
