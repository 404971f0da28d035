import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCallback, type ScryptOptions } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';

/**
 * A backup carried off the machine (USB stick, shared folder) can be protected with a password:
 * AES-256-GCM (authenticated: a wrong password or a changed byte is detected, never "restored")
 * with a key derived by scrypt. File layout: magic, scrypt cost, salt, nonce, ciphertext, tag.
 */
const magic = Buffer.from('CCBAK1\n', 'ascii');
const saltBytes = 16;
const nonceBytes = 12;
const tagBytes = 16;
/** New copies: scrypt N = 2^17, r = 8 (128 MB, under a second on a counter PC), dear for a guesser. */
const costLog2 = 17;
/**
 * The cost is read from the file, so a crafted file could ask for gigabytes and minutes: never
 * more than new copies use. Older copies (2^15) still open.
 */
const maxCostLog2 = 17;
const minCostLog2 = 10;
const headerBytes = magic.length + 1 + saltBytes + nonceBytes;

export { minBackupPasswordChars as minPasswordChars } from '../../../shared/domain/backup.ts';

function deriveKey(password: string, salt: Buffer, log2N: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** log2N, r: 8, p: 1, maxmem: 256 * 2 ** log2N * 8 + 1024 * 1024 };
  return new Promise((resolve, reject) => scryptCallback(password.normalize('NFC'), salt, 32, options, (error, key) => (error ? reject(error) : resolve(key))));
}

export function isEncryptedBackup(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(magic.length);
    fs.readSync(fd, head, 0, magic.length, 0);
    return head.equals(magic);
  } finally {
    fs.closeSync(fd);
  }
}

export async function encryptFile(source: string, target: string, password: string): Promise<void> {
  const salt = randomBytes(saltBytes);
  const nonce = randomBytes(nonceBytes);
  const key = await deriveKey(password, salt, costLog2);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  fs.writeFileSync(target, Buffer.concat([magic, Buffer.from([costLog2]), salt, nonce]));
  await pipeline(fs.createReadStream(source), cipher, fs.createWriteStream(target, { flags: 'a' }));
  fs.appendFileSync(target, cipher.getAuthTag());
}

/**
 * Decrypts to `target`; false (and no target left behind) when the password is wrong or the
 * file was changed: GCM checks the whole file before the result is kept.
 */
export async function decryptFile(source: string, target: string, password: string): Promise<boolean> {
  const size = fs.statSync(source).size;
  if (size < headerBytes + tagBytes) return false;
  const fd = fs.openSync(source, 'r');
  const header = Buffer.alloc(headerBytes);
  const tag = Buffer.alloc(tagBytes);
  try {
    fs.readSync(fd, header, 0, headerBytes, 0);
    fs.readSync(fd, tag, 0, tagBytes, size - tagBytes);
  } finally {
    fs.closeSync(fd);
  }
  const log2N = header[magic.length]!;
  if (log2N < minCostLog2 || log2N > maxCostLog2) return false;
  const salt = header.subarray(magic.length + 1, magic.length + 1 + saltBytes);
  const nonce = header.subarray(magic.length + 1 + saltBytes);
  const key = await deriveKey(password, salt, log2N);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAuthTag(tag);
  try {
    await pipeline(fs.createReadStream(source, { start: headerBytes, end: size - tagBytes - 1 }), decipher, fs.createWriteStream(target));
    return true;
  } catch {
    fs.rmSync(target, { force: true });
    return false;
  }
}
