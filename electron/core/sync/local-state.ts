// What a device keeps about sync inside its library folder (<library>/sync/): its identity and clock,
// the replicated state, which segments it has applied, and its own segments not yet uploaded.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileDurable } from '../store/index.js';
import type { Held } from './bridge.js';
import type { Hlc } from './hlc.js';
import type { Entities, SyncOp } from './replica.js';

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

export async function loadState(dir: string): Promise<LocalSyncState> {
  try {
    const s = JSON.parse(await fs.readFile(path.join(dir, 'state.json'), 'utf8')) as LocalSyncState;
    if (s.format !== 'scholia-sync-state') throw new Error('not a sync state');
    return s;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return freshState();
    throw err;
  }
}

/** Replaces the state file atomically (temp, fsync, rename): a kill leaves the old or the new one. */
export async function saveState(dir: string, s: LocalSyncState): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await writeFileDurable(path.join(dir, 'state.json'), JSON.stringify(s));
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
