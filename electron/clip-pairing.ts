// Which browser extensions may clip into this app: one pairing per extension
// origin (chrome-extension://<id>, moz-extension://<uuid>), made once by a
// short code the app shows and the user types into the extension's popup.
// Tokens are kept as SHA-256 hashes in the user-data folder, never in the
// clear: a copy of the file cannot clip.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PAIRING_CODE_TTL_MS, PAIRING_MAX_TRIES } from './shared/clip-protocol.js';

export interface Pairing {
  origin: string;
  tokenHash: string;
  pairedAt: string;
}

interface PairingsFileShape {
  format: 'scholia-clipper-pairings';
  pairings: Pairing[];
}

/** Where the pairings live and how they are read and written; `memoryPairingStore` for tests. */
export interface PairingStore {
  load(): Promise<Pairing[]>;
  save(pairings: Pairing[]): Promise<void>;
}

/** The pairings file: written whole to a temp file and renamed, so a crash never leaves half a file. */
export function filePairingStore(file: string): PairingStore {
  return {
    async load() {
      let raw: string;
      try {
        raw = await readFile(file, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw err;
      }
      try {
        const data = JSON.parse(raw) as Partial<PairingsFileShape>;
        return Array.isArray(data.pairings)
          ? data.pairings.filter((p): p is Pairing => typeof p?.origin === 'string' && typeof p?.tokenHash === 'string')
          : [];
      } catch {
        // A damaged file only means pairing again; nothing of the library is in it.
        return [];
      }
    },
    async save(pairings) {
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      const data: PairingsFileShape = { format: 'scholia-clipper-pairings', pairings };
      await writeFile(tmp, JSON.stringify(data, null, 1) + '\n', { mode: 0o600 });
      await rename(tmp, file);
    },
  };
}

export function memoryPairingStore(initial: Pairing[] = []): PairingStore & { saved: Pairing[] } {
  const store = {
    saved: [...initial],
    async load() {
      return [...store.saved];
    },
    async save(p: Pairing[]) {
      store.saved = [...p];
    },
  };
  return store;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** An extension origin, and only that: chrome-extension://<32 letters a-p> or moz-extension://<uuid>. */
export function isExtensionOrigin(origin: string | undefined): origin is string {
  if (!origin) return false;
  return (
    /^chrome-extension:\/\/[a-p]{32}$/.test(origin) ||
    /^moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(origin)
  );
}

export type PairOutcome =
  { ok: true; token: string } | { ok: false; reason: 'no-code' | 'expired' | 'wrong-code' | 'other-origin' };

interface PendingCode {
  code: string;
  origin: string;
  expires: number;
  tries: number;
}

/** How many extensions may stay paired at once (one per browser profile, realistically a handful). */
const MAX_PAIRINGS = 20;

export class ClipPairings {
  private pending: PendingCode | null = null;
  private pairings: Pairing[] | null = null;

  constructor(
    private readonly store: PairingStore,
    private readonly now: () => number = Date.now,
  ) {}

  private async list(): Promise<Pairing[]> {
    this.pairings ??= await this.store.load();
    return this.pairings;
  }

  /**
   * A new six-digit code for this origin, replacing any earlier one: the app shows
   * it, the user types it into the extension. Valid PAIRING_CODE_TTL_MS, PAIRING_MAX_TRIES tries.
   */
  startPairing(origin: string): string {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.pending = { code, origin, expires: this.now() + PAIRING_CODE_TTL_MS, tries: 0 };
    return code;
  }

  /** Trades the code for a token bound to the origin that asked for the code. */
  async completePairing(origin: string, code: string): Promise<PairOutcome> {
    const p = this.pending;
    if (!p) return { ok: false, reason: 'no-code' };
    if (this.now() > p.expires) {
      this.pending = null;
      return { ok: false, reason: 'expired' };
    }
    if (p.origin !== origin) return { ok: false, reason: 'other-origin' };
    const given = Buffer.from(code.replace(/\D/g, ''));
    const want = Buffer.from(p.code);
    if (given.length !== want.length || !timingSafeEqual(given, want)) {
      p.tries += 1;
      if (p.tries >= PAIRING_MAX_TRIES) this.pending = null;
      return { ok: false, reason: 'wrong-code' };
    }
    this.pending = null;
    const token = randomBytes(32).toString('base64url');
    // One pairing per origin: pairing again replaces the old token.
    const kept = (await this.list()).filter((x) => x.origin !== origin);
    const next = [...kept, { origin, tokenHash: hashToken(token), pairedAt: new Date(this.now()).toISOString() }];
    await this.store.save(next.slice(-MAX_PAIRINGS));
    this.pairings = next.slice(-MAX_PAIRINGS);
    return { ok: true, token };
  }

  /** True when the token is the one issued to this origin. */
  async verify(origin: string, token: string | undefined): Promise<boolean> {
    if (!token) return false;
    const hash = hashToken(token);
    const pairing = (await this.list()).find((x) => x.origin === origin);
    return pairing !== undefined && sameHash(pairing.tokenHash, hash);
  }

  async pairedOrigins(): Promise<string[]> {
    return (await this.list()).map((p) => p.origin);
  }

  /** Forgets every pairing (Preferences: unpair all). */
  async forgetAll(): Promise<void> {
    this.pairings = [];
    this.pending = null;
    await this.store.save([]);
  }
}
