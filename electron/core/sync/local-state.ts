// What a device keeps about sync inside its library folder (<library>/sync/): its identity and clock,
// the replicated state, which segments it has applied, and its own segments not yet uploaded.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileDurable } from '../store/index.js';
import type { Held } from './bridge.js';
import type { Hlc } from './hlc.js';
import { applyOp, type Entities, type SyncOp } from './replica.js';

export const SYNC_DIR = 'sync';

/** Segments of one device applied here: all up to `upTo`, and these above it (a damaged one was skipped). */
export interface Applied {
  upTo: number;
  extra: number[];
}

export interface LastSync {
  at: string;
  ok: boolean;
  error?: string;
  code?: string;
  uploadedOps: number;
  receivedOps: number;
  conflicts: number;
  warnings: string[];
}

export interface LocalSyncState {
  format: 'scholia-sync-state';
  version: 1;
  device: string;
  deviceName: string;
  clock: Hlc;
  /** This device's last segment number (written locally; uploaded up to `uploaded`). */
  seq: number;
  uploaded: number;
  applied: Record<string, Applied>;
  entities: Entities;
  held: Record<string, Held>;
  /** Entities whose replicated state is not yet written into the library (finished first on the next run). */
  dirty: string[];
  /** Own segment number of the last snapshot uploaded. */
  snapshotSeq: number;
  /** Conflicts met so far (note sections and article copies). */
  conflicts: number;
  lastSync?: LastSync;
  /** The target's identity, so a different target (or a reset one) starts over cleanly. */
  targetId?: string;
}

export function syncDir(libraryDir: string): string {
  return path.join(libraryDir, SYNC_DIR);
}

export function newDeviceId(): string {
  return `d${randomBytes(8).toString('hex')}`;
}

export function freshState(): LocalSyncState {
  return {
    format: 'scholia-sync-state',
    version: 1,
    device: newDeviceId(),
    deviceName: os.hostname(),
    clock: '',
    seq: 0,
    uploaded: 0,
    applied: {},
    entities: {},
    held: {},
    dirty: [],
    snapshotSeq: 0,
    conflicts: 0,
  };
}

/**
 * The state on disk is a base (state.json: everything, rewritten atomically now and then) and a
 * write-ahead log (state.log: one line per save with the small part of the state, the text holdings that
 * changed, and the operations folded in since). A save is then one small append (fsync), whatever the
 * library's size; a torn last line (a kill mid-append) is ignored as a whole, so the state read back is
 * always one that was saved. The log is folded into the base when it grows.
 */
interface Journal {
  gen: number;
  ops: SyncOp[];
  rewrite: boolean;
  /** held as last saved (key -> JSON), to write only what changed. */
  held: Map<string, string>;
  logBytes: number;
}
const journals = new WeakMap<LocalSyncState, Journal>();
const FOLD_LOG_BYTES = 8 * 1024 * 1024;

type SmallState = Omit<LocalSyncState, 'entities' | 'held'>;
interface LogLine {
  gen: number;
  state: SmallState;
  held: Record<string, Held | null>;
  ops: SyncOp[];
}

function small(s: LocalSyncState): SmallState {
  const { entities: _e, held: _h, ...rest } = s;
  return rest;
}

function journalOf(s: LocalSyncState): Journal {
  let j = journals.get(s);
  if (!j) {
    j = { gen: 0, ops: [], rewrite: true, held: new Map(), logBytes: 0 };
    journals.set(s, j);
  }
  return j;
}

/** Operations folded into the state since the last save (written with the next save). */
export function recordOps(s: LocalSyncState, ops: SyncOp[]): void {
  journalOf(s).ops.push(...ops);
}

/** The state changed in bulk (a snapshot merged): the next save rewrites the base. */
export function recordRewrite(s: LocalSyncState): void {
  journalOf(s).rewrite = true;
}

export async function loadState(dir: string): Promise<LocalSyncState> {
  let base: LocalSyncState & { gen?: number };
  try {
    base = JSON.parse(await fs.readFile(path.join(dir, 'state.json'), 'utf8')) as LocalSyncState & { gen?: number };
    if (base.format !== 'scholia-sync-state') throw new Error('not a sync state');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return freshState();
    throw err;
  }
  let gen = base.gen ?? 0;
  delete base.gen;
  let logBytes = 0;
  try {
    const log = await fs.readFile(path.join(dir, 'state.log'), 'utf8');
    logBytes = Buffer.byteLength(log);
    for (const line of log.split('\n')) {
      if (!line) continue;
      let rec: LogLine;
      try {
        rec = JSON.parse(line) as LogLine;
      } catch {
        break; // a torn last line: that save never completed
      }
      if (rec.gen <= gen) continue; // already in the base
      for (const op of rec.ops) applyOp(base.entities, op);
      Object.assign(base, rec.state);
      for (const [k, h] of Object.entries(rec.held)) {
        if (h) base.held[k] = h;
        else delete base.held[k];
      }
      gen = rec.gen;
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  journals.set(base, {
    gen,
    ops: [],
    rewrite: false,
    held: new Map(Object.entries(base.held).map(([k, h]) => [k, JSON.stringify(h)])),
    logBytes,
  });
  return base;
}

/** Saves the state: one appended log line, or (now and then) a new base. A kill leaves the old or the new. */
export async function saveState(dir: string, s: LocalSyncState): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const j = journalOf(s);
  const gen = j.gen + 1;
  if (j.rewrite || j.logBytes > FOLD_LOG_BYTES || j.ops.length > 50_000) {
    await writeFileDurable(path.join(dir, 'state.json'), JSON.stringify({ ...s, gen }));
    await writeFileDurable(path.join(dir, 'state.log'), '');
    j.logBytes = 0;
    j.held = new Map(Object.entries(s.held).map(([k, h]) => [k, JSON.stringify(h)]));
  } else {
    const held: Record<string, Held | null> = {};
    for (const [k, h] of Object.entries(s.held)) {
      const text = JSON.stringify(h);
      if (j.held.get(k) !== text) {
        held[k] = h;
        j.held.set(k, text);
      }
    }
    for (const k of j.held.keys()) {
      if (!(k in s.held)) {
        held[k] = null;
        j.held.delete(k);
      }
    }
    const line = JSON.stringify({ gen, state: small(s), held, ops: j.ops } satisfies LogLine) + '\n';
    const fh = await fs.open(path.join(dir, 'state.log'), 'a');
    try {
      await fh.write(line);
      await fh.datasync();
    } finally {
      await fh.close();
    }
    j.logBytes += Buffer.byteLength(line);
  }
  j.gen = gen;
  j.ops = [];
  j.rewrite = false;
}

export function outboxFile(dir: string, seq: number): string {
  return path.join(dir, 'outbox', `${String(seq).padStart(10, '0')}.json`);
}

export async function writeOutbox(dir: string, seq: number, ops: SyncOp[]): Promise<void> {
  await fs.mkdir(path.join(dir, 'outbox'), { recursive: true });
  await writeFileDurable(outboxFile(dir, seq), JSON.stringify(ops));
}

export async function readOutbox(dir: string, seq: number): Promise<SyncOp[]> {
  return JSON.parse(await fs.readFile(outboxFile(dir, seq), 'utf8')) as SyncOp[];
}

export function isApplied(a: Applied | undefined, seq: number): boolean {
  return !!a && (seq <= a.upTo || a.extra.includes(seq));
}

export function markApplied(applied: Record<string, Applied>, device: string, seq: number): void {
  const a = (applied[device] ??= { upTo: 0, extra: [] });
  if (isApplied(a, seq)) return;
  a.extra.push(seq);
  a.extra.sort((x, y) => x - y);
  while (a.extra[0] === a.upTo + 1) {
    a.upTo++;
    a.extra.shift();
  }
}

export async function removeOutbox(dir: string, seq: number): Promise<void> {
  await fs.rm(outboxFile(dir, seq), { force: true });
}
