// The desktop app's keeper of sync passwords and passphrases: encrypted with the OS keychain through
// Electron's safeStorage (Keychain on macOS, DPAPI on Windows, the Secret Service / KWallet on Linux), in one
// file in the user-data folder, per library. Pure: the encryptor is injected (main.ts passes safeStorage;
// tests a stand-in). Where the OS offers no keychain, nothing is written: values live in memory for the run.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { memorySecrets, type SyncSecrets, type SyncSecretValues } from '../core/sync/index.js';

/** The part of Electron's safeStorage this needs. */
export interface StringEncryptor {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
  /** Linux: 'basic_text' means no keychain (a hard-coded key): treated as unavailable. */
  getSelectedStorageBackend?(): string;
}

interface CredentialsFile {
  format: 'scholia-sync-credentials';
  libraries: Record<string, { password?: string; passphrase?: string }>;
}

export function keychainSecrets(file: string, enc: StringEncryptor, env: NodeJS.ProcessEnv = process.env): SyncSecrets {
  const available = () =>
    enc.isEncryptionAvailable() && (enc.getSelectedStorageBackend?.() ?? 'keychain') !== 'basic_text';
  const fallback = memorySecrets(env);
  const read = async (): Promise<CredentialsFile> => {
    try {
      const f = JSON.parse(await fs.readFile(file, 'utf8')) as CredentialsFile;
      if (f.format === 'scholia-sync-credentials' && f.libraries && typeof f.libraries === 'object') return f;
    } catch {
      // Missing or unreadable: nothing kept yet (the user types the password again).
    }
    return { format: 'scholia-sync-credentials', libraries: {} };
  };
  const open = (sealed: string | undefined): string | undefined => {
    if (!sealed) return undefined;
    try {
      return enc.decryptString(Buffer.from(sealed, 'base64'));
    } catch {
      return undefined; // sealed by another user or machine: asked for again
    }
  };
  return {
    get where() {
      return available()
        ? "encrypted by your system's keychain, outside the library"
        : 'in memory until Scholia closes (this system offers no keychain to encrypt them with)';
    },
    async load(libraryDir) {
      if (!available()) return fallback.load(libraryDir);
      const kept = (await read()).libraries[path.resolve(libraryDir)] ?? {};
      return {
        password: env.SCHOLIA_SYNC_PASSWORD ?? open(kept.password),
        passphrase: env.SCHOLIA_SYNC_PASSPHRASE ?? open(kept.passphrase),
      };
    },
    async save(libraryDir, values: SyncSecretValues) {
      if (!available()) return fallback.save(libraryDir, values);
      const f = await read();
      const key = path.resolve(libraryDir);
      const entry = { ...f.libraries[key] };
      for (const k of ['password', 'passphrase'] as const) {
        const v = values[k];
        if (v === undefined) continue;
        if (v === '') delete entry[k];
        else entry[k] = enc.encryptString(v).toString('base64');
      }
      f.libraries[key] = entry;
      await fs.mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
      await fs.writeFile(tmp, JSON.stringify(f, null, 1), { mode: 0o600 });
      await fs.rename(tmp, file);
    },
  };
}
