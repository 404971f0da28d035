import fs from 'node:fs';
import path from 'node:path';
import type { SecretStore } from './syncPorts.ts';

/** How a secret is turned into the bytes kept on disk: as it is (the preview) or encrypted by the OS (the desktop app). */
export interface SecretCodec {
  /** Told apart in the file name, so bytes one codec wrote are never read by the other. */
  suffix: string;
  available(): Promise<boolean>;
  encode(secret: string): Promise<Buffer>;
  /** `reEncode`: the OS rotated its key; the secret is written again with the new one. */
  decode(bytes: Buffer): Promise<{ secret: string; reEncode: boolean }>;
}

/** The preview's codec: the file itself is the protection (0600, in a 0700 folder of this user). */
export const plainSecretCodec: SecretCodec = {
  suffix: 'plain',
  available: async () => true,
  encode: async (secret) => Buffer.from(secret, 'utf8'),
  decode: async (bytes) => ({ secret: bytes.toString('utf8'), reEncode: false }),
};

const keyPattern = /^[a-z0-9-]{1,64}$/;

/**
 * Secrets (the hub password) kept in `<dataDir>/secrets/`, one file per key, readable only by
 * this user, written aside and renamed so a power cut leaves the old secret or the new one.
 */
export function fileSecretStore(dataDir: string, codec: SecretCodec = plainSecretCodec): SecretStore {
  const dir = path.join(dataDir, 'secrets');
  const fileOf = (key: string) => {
    if (!keyPattern.test(key)) throw new Error(`not a secret key: ${key}`);
    return path.join(dir, `${key}.${codec.suffix}`);
  };
  const save = async (key: string, secret: string) => {
    const file = fileOf(key);
    if (!(await codec.available())) throw new Error('secrets cannot be kept safely on this machine');
    const bytes = await codec.encode(secret);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const aside = `${file}.partial`;
    fs.writeFileSync(aside, bytes, { mode: 0o600 });
    fs.chmodSync(aside, 0o600);
    fs.renameSync(aside, file);
  };
  return {
    available: () => codec.available(),
    save,
    async load(key) {
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      const { secret, reEncode } = await codec.decode(bytes);
      if (reEncode) await save(key, secret);
      return secret;
    },
    async remove(key) {
      fs.rmSync(fileOf(key), { force: true });
    },
  };
}
