import { safeStorage } from 'electron';
import { fileSecretStore, type SecretCodec } from '../core/sync/fileSecretStore.ts';
import type { SecretStore } from '../core/sync/syncPorts.ts';

/**
 * Encrypts with the OS's key store through Electron's asynchronous safeStorage API (the
 * synchronous one is removed in Electron 46). On Linux without a keyring Electron falls back to
 * `basic_text`, a key hard-coded in Chromium: that is no protection, so the store says it is
 * not available and the hub password is not saved at all.
 */
export function safeStorageCodec(platform: NodeJS.Platform = process.platform): SecretCodec {
  return {
    suffix: 'safe',
    async available() {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
      return platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
    },
    encode: (secret) => safeStorage.encryptStringAsync(secret),
    async decode(bytes) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(bytes);
      return { secret: result, reEncode: shouldReEncrypt };
    },
  };
}

/** The desktop app's secret store: safeStorage-encrypted files in `<dataDir>/secrets/`. */
export function safeSecretStore(dataDir: string, platform: NodeJS.Platform = process.platform): SecretStore {
  return fileSecretStore(dataDir, safeStorageCodec(platform));
}
