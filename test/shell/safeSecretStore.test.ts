import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, resetFakeElectron } from './fakeElectron.ts';
import { safeSecretStore } from '../../electron/shell/safeSecretStore.ts';
import { tempDir } from '../helpers/tempDir.ts';

vi.mock('electron', async () => (await import('./fakeElectron.ts')).fakeElectron);

const password = 'hub-pässword-2026';

/** Every byte kept under the data folder's secrets/, to look for the password in clear. */
function secretFiles(dataDir: string): { name: string; bytes: Buffer; mode: number }[] {
  const dir = path.join(dataDir, 'secrets');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).map((name) => ({ name, bytes: fs.readFileSync(path.join(dir, name)), mode: fs.statSync(path.join(dir, name)).mode & 0o777 }));
}

describe('the desktop app keeps the hub password with the OS key store', () => {
  beforeEach(() => resetFakeElectron());

  it('the password comes back after a restart, and is never on disk as it was typed', async () => {
    const dataDir = tempDir();
    await safeSecretStore(dataDir, 'win32').save('hub-password', password);
    expect(await safeSecretStore(dataDir, 'win32').load('hub-password')).toBe(password);
    const files = secretFiles(dataDir);
    expect(files).toHaveLength(1);
    expect(files[0]?.bytes.includes(Buffer.from(password))).toBe(false);
    expect(fakeElectron.safeStorage.encryptStringAsync).toHaveBeenCalledWith(password);
  });

  it('on Linux with only the plain-text fallback it refuses to keep the password and writes nothing', async () => {
    fakeElectron.safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    const dataDir = tempDir();
    const store = safeSecretStore(dataDir, 'linux');
    expect(await store.available()).toBe(false);
    await expect(store.save('hub-password', password)).rejects.toThrow();
    expect(secretFiles(dataDir)).toEqual([]);
  });

  it('on Linux with a keyring it keeps the password', async () => {
    const store = safeSecretStore(tempDir(), 'linux');
    expect(await store.available()).toBe(true);
    await store.save('hub-password', password);
    expect(await store.load('hub-password')).toBe(password);
  });

  it('when the OS cannot encrypt at all, nothing is saved', async () => {
    fakeElectron.safeStorage.isAsyncEncryptionAvailable.mockResolvedValue(false);
    const dataDir = tempDir();
    const store = safeSecretStore(dataDir, 'darwin');
    expect(await store.available()).toBe(false);
    await expect(store.save('hub-password', password)).rejects.toThrow();
    expect(secretFiles(dataDir)).toEqual([]);
  });

  it('after the OS rotated its key the password is written again with the new key', async () => {
    const dataDir = tempDir();
    await safeSecretStore(dataDir, 'win32').save('hub-password', password);
    fakeElectron.safeStorage.rotated = true;
    expect(await safeSecretStore(dataDir, 'win32').load('hub-password')).toBe(password);
    expect(fakeElectron.safeStorage.encryptStringAsync).toHaveBeenCalledTimes(2);
  });

  it('leaving removes the password; loading then finds none', async () => {
    const dataDir = tempDir();
    const store = safeSecretStore(dataDir, 'win32');
    await store.save('hub-password', password);
    await store.remove('hub-password');
    expect(await store.load('hub-password')).toBeNull();
    expect(secretFiles(dataDir)).toEqual([]);
  });
});
