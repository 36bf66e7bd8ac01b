// End-to-end encryption with a passphrase: XChaCha20-Poly1305 (@noble/ciphers, audited) under a key
// derived by scrypt (@noble/hashes, memory-hard). The target holds only ciphertext, sizes and random
// names: blobs are named by an HMAC of their hash, not the hash itself, so a known text cannot be
// recognised on the target.
import { randomBytes } from 'node:crypto';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hmac } from '@noble/hashes/hmac.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { SyncError } from './types.js';

export interface KdfParams {
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  /** base64 */
  salt: string;
}

/** 2^17 × 8 × 128 B = 128 MB of memory per guess: OWASP's scrypt recommendation. */
export const DEFAULT_KDF: Omit<KdfParams, 'salt'> = { kdf: 'scrypt', N: 2 ** 17, r: 8, p: 1 };

export function newKdfParams(base: Omit<KdfParams, 'salt'> = DEFAULT_KDF): KdfParams {
  return { ...base, salt: randomBytes(16).toString('base64') };
}

export class SyncKey {
  private constructor(private readonly key: Uint8Array) {}

  static async derive(passphrase: string, params: KdfParams): Promise<SyncKey> {
    const key = await scryptAsync(
      new TextEncoder().encode(passphrase.normalize('NFC')),
      Buffer.from(params.salt, 'base64'),
      {
        N: params.N,
        r: params.r,
        p: params.p,
        dkLen: 32,
        maxmem: 2 ** 29,
      },
    );
    return new SyncKey(key);
  }

  seal(plain: Uint8Array): Uint8Array {
    const nonce = randomBytes(24);
    const ct = xchacha20poly1305(this.key, nonce).encrypt(plain);
    const out = new Uint8Array(24 + ct.length);
    out.set(nonce, 0);
    out.set(ct, 24);
    return out;
  }

  /** Throws SyncError 'sync-refused' when the bytes were not sealed with this key (or were altered). */
  open(sealed: Uint8Array, what: string): Uint8Array {
    try {
      return xchacha20poly1305(this.key, sealed.subarray(0, 24)).decrypt(sealed.subarray(24));
    } catch {
      throw new SyncError(
        `${what} cannot be decrypted: the passphrase is wrong, or the file was altered.`,
        'sync-refused',
      );
    }
  }

  /** The name a blob goes under on the target. */
  blobName(id: string): string {
    return Buffer.from(hmac(sha256, this.key, new TextEncoder().encode(id))).toString('hex');
  }
}
