import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tempDir.ts';
import { connectionTo, differences, hubDocs, machineUsers, openMachine, startHub, syncUntilConverged, waitUntil } from './machines.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const clinicsOnHub = async (hub: Parameters<typeof hubDocs>[0]) => [...(await hubDocs(hub)).keys()].filter((id) => id.startsWith('clinics:')).length;

describe('a machine killed while it replicates', () => {
  it('loses nothing: reopened, its next rounds send everything it had saved, and the other PC gets it all', async () => {
    const hub = await startHub();
    const dataDir = tempDir();
    const laptopUser = machineUsers[2]!;
    const child = spawn(process.execPath, [path.join('test', 'sync', 'syncChild.ts'), dataDir, hub.dbUrl, laptopUser.name, laptopUser.password, '400'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // Killed once replication is under way: some clinics have reached the hub, more are being saved and sent.
    await waitUntil(async () => (await clinicsOnHub(hub)) >= 20 || child.exitCode !== null, 20);
    child.kill('SIGKILL');
    await exited;
    expect(output).not.toContain('Error');
    const saved = Math.max(0, ...[...output.matchAll(/saved (\d+)/g)].map((match) => Number(match[1])));
    expect(saved).toBeGreaterThanOrEqual(20);
    expect(saved).toBeLessThan(400);

    const laptop = await openMachine({ dataDir });
    const office = await openMachine();
    laptop.core.sync.start(connectionTo(hub, laptopUser));
    office.core.sync.start(connectionTo(hub, machineUsers[0]));
    await syncUntilConverged(hub, [laptop, office]);
    // Every clinic whose save was answered is on the hub and on the other PC (one more may have committed unanswered).
    expect(await clinicsOnHub(hub)).toBeGreaterThanOrEqual(saved);
    for (const machine of [laptop, office]) expect(await differences(hub, machine)).toEqual([]);
  });
});
