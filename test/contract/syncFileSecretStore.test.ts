import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSecretStore } from '../../electron/core/sync/fileSecretStore.ts';
import { tempDir } from '../helpers/tempDir.ts';

describe('the preview keeps the hub password in its data folder', () => {
  it('the password comes back after a restart from a file only this user may read', async () => {
    const dataDir = tempDir();
    await fileSecretStore(dataDir).save('hub-password', 'office-pw');
    expect(await fileSecretStore(dataDir).load('hub-password')).toBe('office-pw');
    const dir = path.join(dataDir, 'secrets');
    const [name] = fs.readdirSync(dir);
    expect(fs.statSync(path.join(dir, name ?? '')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('saving again replaces the password and leaves no half-written file', async () => {
    const dataDir = tempDir();
    const store = fileSecretStore(dataDir);
    await store.save('hub-password', 'first');
    await store.save('hub-password', 'second');
    expect(await store.load('hub-password')).toBe('second');
    expect(fs.readdirSync(path.join(dataDir, 'secrets')).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('nothing saved, or removed: no password', async () => {
    const store = fileSecretStore(tempDir());
    expect(await store.load('hub-password')).toBeNull();
    await store.save('hub-password', 'pw');
    await store.remove('hub-password');
    expect(await store.load('hub-password')).toBeNull();
  });
});
