// Sync credentials in the desktop app: sealed by the OS keychain (safeStorage, here a stand-in that
// really transforms the bytes), never written in the clear, kept per library, and not written at all where
// the system has no keychain.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keychainSecrets, type StringEncryptor } from '../../../electron/desktop/sync-credentials.js';

/** XOR with a per-"machine" key: enough to prove nothing reaches the file unsealed. */
function standIn(key = 0x5a, backend = 'gnome_libsecret'): StringEncryptor & { calls: number } {
  const enc = {
    calls: 0,
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString(s: string) {
      enc.calls++;
      return Buffer.from([...Buffer.from(s, 'utf8')].map((b) => b ^ key));
    },
    decryptString(b: Buffer) {
      return Buffer.from([...b].map((x) => x ^ key)).toString('utf8');
    },
  };
  return enc;
}

describe('sync credentials in the desktop app', () => {
  it('keeps the password and passphrase sealed, per library, and reads them back', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-creds-'));
    const file = path.join(dir, 'sync-credentials.json');
    const enc = standIn();
    const s = keychainSecrets(file, enc, {});
    await s.save('/libs/one', { password: 'hunter2-secret', passphrase: 'correct horse' });
    await s.save('/libs/two', { password: 'other-secret' });
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/hunter2|correct horse|other-secret/);
    expect(enc.calls).toBe(3);
    expect(s.where).toMatch(/keychain/);
    const again = keychainSecrets(file, standIn(), {});
    expect(await again.load('/libs/one')).toEqual({ password: 'hunter2-secret', passphrase: 'correct horse' });
    expect(await again.load('/libs/two')).toEqual({ password: 'other-secret', passphrase: undefined });
    // Sealed on another machine (another key): not readable, asked for again rather than garbage.
    expect((await keychainSecrets(file, standIn(0x33), {}).load('/libs/two')).password).not.toBe('other-secret');
  });

  it('lets SCHOLIA_SYNC_PASSWORD / SCHOLIA_SYNC_PASSPHRASE win, for scripts', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'scholia-creds-')), 'c.json');
    const s = keychainSecrets(file, standIn(), { SCHOLIA_SYNC_PASSWORD: 'from-env' });
    await s.save('/lib', { password: 'kept' });
    expect((await s.load('/lib')).password).toBe('from-env');
  });

  it('writes nothing where the system has no keychain (Linux basic_text), and says so', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'scholia-creds-')), 'c.json');
    const s = keychainSecrets(file, standIn(0x5a, 'basic_text'), {});
    await s.save('/lib', { password: 'p' });
    expect(existsSync(file)).toBe(false);
    expect(await s.load('/lib')).toEqual({ password: 'p', passphrase: undefined });
    expect(s.where).toMatch(/in memory until Scholia closes/);
  });
});
