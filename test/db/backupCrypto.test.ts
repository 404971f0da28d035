import { createCipheriv, randomBytes, scryptSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decryptFile, encryptFile } from '../../electron/core/backup/backupCrypto.ts';
import { backupExportInputSchema } from '../../shared/domain/backup.ts';
import { tempDir } from '../helpers/tempDir.ts';

const magic = Buffer.from('CCBAK1\n', 'ascii');
const password = '桜島の噴火は2026年';
const content = Buffer.from('SQLite format 3\0 霧島眼科 0995-12-3456');

/**
 * A protected copy written to the file format directly (magic, cost, salt, nonce, ciphertext,
 * tag) at any cost, as an older release or someone crafting a file would write it.
 */
function protectedCopyAtCost(log2N: number): string {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const key = scryptSync(password.normalize('NFC'), salt, 32, { N: 2 ** log2N, r: 8, p: 1, maxmem: 300 * 2 ** 20 });
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([cipher.update(content), cipher.final()]);
  const file = path.join(tempDir(), `cost-${log2N}.ccbak`);
  fs.writeFileSync(file, Buffer.concat([magic, Buffer.from([log2N]), salt, nonce, body, cipher.getAuthTag()]));
  return file;
}

describe('protected backup copies', () => {
  it('are written with scrypt N = 2^17 and open again with their password', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'plain'), content);
    await encryptFile(path.join(dir, 'plain'), path.join(dir, 'copy.ccbak'), password);
    expect(fs.readFileSync(path.join(dir, 'copy.ccbak'))[magic.length]).toBe(17);
    expect(await decryptFile(path.join(dir, 'copy.ccbak'), path.join(dir, 'back'), password)).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'back'))).toEqual(content);
  });

  it('made by the earlier release (2^15) still open', async () => {
    const target = path.join(tempDir(), 'back');
    expect(await decryptFile(protectedCopyAtCost(15), target, password)).toBe(true);
    expect(fs.readFileSync(target)).toEqual(content);
  });

  it('asking for a cost above 2^17 are refused even with the right password, and leave nothing behind', async () => {
    const target = path.join(tempDir(), 'back');
    expect(await decryptFile(protectedCopyAtCost(18), target, password)).toBe(false);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('need a password of at least 10 characters', () => {
    const fileName = 'backup-20261203T082100Z-manual.sqlite3';
    const short = backupExportInputSchema.safeParse({ fileName, password: '桜島の噴火2026' });
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]?.message).toBe('パスワードは10文字以上にしてください');
    expect(backupExportInputSchema.safeParse({ fileName, password: '桜島の噴火は2026年' }).success).toBe(true);
    // No password at all is still the explicit choice of an unprotected copy.
    expect(backupExportInputSchema.safeParse({ fileName, password: '' }).success).toBe(true);
  });
});
