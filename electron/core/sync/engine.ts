// One sync run: finish what a killed run left, capture local changes into a new segment, fold in the
// other devices' segments, write the result into the library, upload, and publish how far this device got.
// Every step leaves the library and the target consistent if the process dies right after it: local
// state is replaced atomically, files on the target appear whole (temporary name + rename) or are
// recognised as incomplete by their hash, and applying a segment twice changes nothing.
import type { CoreContext } from '../context.js';
import { LocalBlobs } from './blobs.js';
import { capture, write } from './bridge.js';
import { type KdfParams, newKdfParams, DEFAULT_KDF, SyncKey } from './crypto.js';
import { HybridClock } from './hlc.js';
import {
  isApplied,
  loadState,
  type LocalSyncState,
  markApplied,
  readOutbox,
  recordOps,
  recordRewrite,
  removeOutbox,
  saveState,
  writeOutbox,
} from './local-state.js';
import { type EntityState, heads, mergeEntities, parseKey, type SyncOp, applyOp } from './replica.js';
import {
  BLOBS_DIR,
  blobPath,
  decodeFile,
  DEVICES_DIR,
  encodeBlob,
  encodeFile,
  hashHex,
  HEADER_FILE,
  parseSegmentName,
  parseSnapshotName,
  segmentName,
  snapshotName,
} from './target-files.js';
import { SyncError, type SyncTarget } from './types.js';
import path from 'node:path';
import { blobId } from './blobs.js';

export interface SyncRunOptions {
  target: SyncTarget;
  /** Encrypt end to end with this passphrase (the target must be encrypted with the same, or new). */
  passphrase?: string;
  /** Key derivation cost for a new encrypted target (tests lower it). */
  kdf?: Omit<KdfParams, 'salt'>;
  /** Write a snapshot once this many of our own segments have accumulated since the last one. */
  snapshotEvery?: number;
  /** Told when the run reaches a phase (the convergence test kills a run at these moments). */
  onPhase?: (phase: 'captured' | 'pulled' | 'written' | 'uploading' | 'uploaded') => void;
}

export interface SyncResult {
  device: string;
  at: string;
  uploadedOps: number;
  receivedOps: number;
  segmentsApplied: number;
  written: number;
  conflicts: number;
  /** Entities not yet complete here (texts still on their way). */
  pending: number;
  warnings: string[];
  bytesUp: number;
  bytesDown: number;
}

interface TargetHeader {
  format: 'scholia-sync';
  version: 1;
  id: string;
  encryption?: KdfParams & { check: string };
}

interface DeviceInfo {
  device: string;
  name: string;
  applied: Record<string, number>;
  seq: number;
  at: string;
}

interface Snapshot {
  device: string;
  seq: number;
  applied: Record<string, number>;
  entities: Record<string, EntityState>;
}

const PARALLEL = 8;

async function eachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(workers);
}

class Transfer {
  bytesUp = 0;
  bytesDown = 0;
  constructor(
    readonly target: SyncTarget,
    readonly key: SyncKey | null,
  ) {}
  async read(file: string): Promise<Uint8Array | null> {
    const data = await this.target.read(file);
    if (data) this.bytesDown += data.length;
    return data;
  }
  async write(file: string, data: Uint8Array): Promise<void> {
    await this.target.write(file, data);
    this.bytesUp += data.length;
  }
  blobName(id: string): string {
    return this.key ? this.key.blobName(id) : id;
  }
}

/** Opens the target: reads (or creates) its header and derives the key. Wrong passphrase: SyncError. */
async function openTarget(opts: SyncRunOptions): Promise<{ header: TargetHeader; key: SyncKey | null }> {
  const raw = await opts.target.read(HEADER_FILE);
  let header: TargetHeader;
  if (raw) {
    try {
      header = JSON.parse(new TextDecoder().decode(raw)) as TargetHeader;
    } catch {
      throw new SyncError(
        `${opts.target.label} holds a damaged ${HEADER_FILE}; nothing was changed.`,
        'sync-unreachable',
      );
    }
    if (header.format !== 'scholia-sync')
      throw new SyncError(`${opts.target.label} is not a Scholia sync target (${HEADER_FILE}).`, 'sync-refused');
  } else {
    header = {
      format: 'scholia-sync',
      version: 1,
      id: newKdfParams()
        .salt.replace(/[^A-Za-z0-9]/g, '')
        .slice(0, 16),
    };
    if (opts.passphrase) {
      const params = newKdfParams(opts.kdf ?? DEFAULT_KDF);
      const key = await SyncKey.derive(opts.passphrase, params);
      header.encryption = {
        ...params,
        check: Buffer.from(key.seal(new TextEncoder().encode('scholia'))).toString('base64'),
      };
    }
    await opts.target.write(HEADER_FILE, new TextEncoder().encode(JSON.stringify(header, null, 1)));
  }
  if (!header.encryption) {
    if (opts.passphrase)
      throw new SyncError(
        `${opts.target.label} is not encrypted, but a passphrase was given: sync without one, or use an empty target.`,
        'sync-refused',
      );
    return { header, key: null };
  }
  if (!opts.passphrase)
    throw new SyncError(`${opts.target.label} is encrypted: give its passphrase to sync with it.`, 'sync-refused');
  const key = await SyncKey.derive(opts.passphrase, header.encryption);
  key.open(Buffer.from(header.encryption.check, 'base64'), 'The sync target');
  return { header, key };
}

export async function runSync(ctx: CoreContext, dir: string, opts: SyncRunOptions): Promise<SyncResult> {
  const phase = opts.onPhase ?? (() => undefined);
  const st = await loadState(dir);
  const blobs = new LocalBlobs(path.join(dir, 'blobs'));
  const warnings: string[] = [];
  const { header, key } = await openTarget(opts);
  if (st.targetId && st.targetId !== header.id) {
    // Another target (or this one emptied): everything is sent again; what was applied stays applied.
    // Segments already uploaded elsewhere are gone from the outbox: the snapshot written below carries them.
    st.uploaded = 0;
    st.snapshotSeq = 0;
  }
  st.targetId = header.id;
  const io = new Transfer(opts.target, key);
  const clock = new HybridClock(st.device, () => ctx.now().getTime(), st.clock || undefined);
  const result: SyncResult = {
    device: st.device,
    at: ctx.now().toISOString(),
    uploadedOps: 0,
    receivedOps: 0,
    segmentsApplied: 0,
    written: 0,
    conflicts: 0,
    pending: 0,
    warnings,
    bytesUp: 0,
    bytesDown: 0,
  };

  // 1. A run killed while writing into the library left `dirty`: finish that before looking for changes,
  //    or the half-written state would look like local edits.
  if (st.dirty.length) await writeDirty(ctx, st, blobs, io, result);

  // 2. Local changes -> one new segment (kept in the outbox until uploaded).
  const ops = await capture(ctx, st, clock, blobs);
  recordOps(st, ops);
  if (ops.length) {
    st.seq++;
    await writeOutbox(dir, st.seq, ops);
  }
  st.clock = clock.last();
  // Saved before anything is uploaded: a segment number must never be reused for other operations.
  if (ops.length) await saveState(dir, st);
  phase('captured');

  // 3. Everyone else's segments (snapshots first when this device has applied nothing yet).
  const devices = (await opts.target.list(DEVICES_DIR)).filter((d) => /^d[0-9a-f]{16}$/.test(d));
  const infos: DeviceInfo[] = [];
  const firstTime = Object.keys(st.applied).length === 0;
  for (const dev of devices) {
    const names = await opts.target.list(`${DEVICES_DIR}/${dev}`);
    if (dev !== st.device) {
      const infoRaw = await io.read(`${DEVICES_DIR}/${dev}/info`);
      if (infoRaw) {
        const info = decodeFile<DeviceInfo>(infoRaw, key, `The device file of ${dev}`);
        if (info) infos.push(info);
      }
    }
    if (dev === st.device) continue;
    if (firstTime) {
      const snaps = names.map(parseSnapshotName).filter((s): s is NonNullable<typeof s> => !!s);
      for (const s of snaps) {
        const file = `${DEVICES_DIR}/${dev}/${snapshotName(s.seq, s.hash)}`;
        const data = await io.read(file);
        if (!data || hashHex(data) !== s.hash) {
          warnings.push(`Skipped a snapshot of device ${dev} that is incomplete or altered (${file}).`);
          continue;
        }
        const snap = decodeFile<Snapshot>(data, key, `A snapshot of device ${dev}`);
        if (!snap) continue;
        for (const h of Object.values(snap.entities)) for (const v of Object.values(h.v)) clock.observe(v.c);
        const changed = mergeEntities(st.entities, snap.entities);
        recordRewrite(st);
        result.receivedOps += changed.length; // entities brought by the snapshot
        st.dirty.push(...changed);
        for (const [d, upTo] of Object.entries(snap.applied)) {
          const a = (st.applied[d] ??= { upTo: 0, extra: [] });
          if (upTo > a.upTo) {
            a.upTo = upTo;
            a.extra = a.extra.filter((x) => x > upTo);
          }
        }
      }
    }
    const segs = names
      .map(parseSegmentName)
      .filter((s): s is NonNullable<typeof s> => !!s)
      .sort((a, b) => a.seq - b.seq);
    for (const s of segs) {
      if (isApplied(st.applied[dev], s.seq)) continue;
      const file = `${DEVICES_DIR}/${dev}/${segmentName(s.seq, s.hash)}`;
      const data = await io.read(file);
      if (!data) continue; // removed by compaction meanwhile
      if (hashHex(data) !== s.hash) {
        warnings.push(
          `Skipped segment ${s.seq} of device ${dev}: the file is incomplete or altered on the target (${file}). ` +
            `The rest was applied; it is tried again at the next sync.`,
        );
        continue;
      }
      const seg = decodeFile<{ device: string; seq: number; ops: SyncOp[] }>(
        data,
        key,
        `Segment ${s.seq} of device ${dev}`,
      );
      if (!seg || seg.device !== dev || seg.seq !== s.seq || !Array.isArray(seg.ops)) {
        warnings.push(`Skipped segment ${s.seq} of device ${dev}: not a segment Scholia can read (${file}).`);
        continue;
      }
      for (const op of seg.ops) {
        if (!op || typeof op !== 'object' || typeof op.id !== 'string' || typeof op.c !== 'string') continue;
        clock.observe(op.c);
        if (applyOp(st.entities, op)) {
          st.dirty.push(`${op.k}:${op.id}`);
          recordOps(st, [op]);
        }
      }
      result.receivedOps += seg.ops.length;
      result.segmentsApplied++;
      markApplied(st.applied, dev, s.seq);
    }
  }
  st.dirty = [...new Set(st.dirty)];
  st.clock = clock.last();
  if (st.dirty.length) await saveState(dir, st);
  phase('pulled');

  // 4. Into the library.
  if (st.dirty.length) {
    await writeDirty(ctx, st, blobs, io, result);
    await saveState(dir, st);
  }
  phase('written');

  // 5. Upload: the texts first, then the segments that refer to them, oldest first.
  phase('uploading');
  const uploadedNow: number[] = [];
  for (let seq = st.uploaded + 1; seq <= st.seq; seq++) {
    let segOps: SyncOp[];
    try {
      segOps = await readOutbox(dir, seq);
    } catch {
      st.uploaded = seq; // uploaded by a run killed after cleaning up, or carried by the snapshot
      continue;
    }
    const blobIds = [...new Set(segOps.flatMap((o) => (o.ver ? [o.ver.blob] : [])))];
    await uploadBlobs(io, blobs, blobIds);
    const data = encodeFile({ device: st.device, seq, ops: segOps }, key);
    await io.write(`${DEVICES_DIR}/${st.device}/${segmentName(seq, hashHex(data))}`, data);
    result.uploadedOps += segOps.length;
    st.uploaded = seq;
    // Not saved here: a run killed before the final save uploads this segment again (the same operations
    // under the same number, so readers that applied one copy skip the other).
    uploadedNow.push(seq);
  }
  phase('uploaded');

  // 6. Snapshot now and then, publish how far this device got, and compact what everyone has applied.
  const every = opts.snapshotEvery ?? 20;
  if (st.seq - st.snapshotSeq >= every || (st.snapshotSeq === 0 && st.seq > 0)) {
    await writeSnapshot(io, st);
  }
  const info: DeviceInfo = {
    device: st.device,
    name: st.deviceName,
    applied: Object.fromEntries(Object.entries(st.applied).map(([d, a]) => [d, a.upTo])),
    seq: st.uploaded,
    at: result.at,
  };
  await io.write(`${DEVICES_DIR}/${st.device}/info`, encodeFile(info, key));
  await compact(io, st, infos);
  st.conflicts += result.conflicts;
  result.bytesUp = io.bytesUp;
  result.bytesDown = io.bytesDown;
  st.lastSync = {
    at: result.at,
    ok: true,
    uploadedOps: result.uploadedOps,
    receivedOps: result.receivedOps,
    conflicts: result.conflicts,
    warnings,
  };
  await saveState(dir, st);
  for (const seq of uploadedNow) await removeOutbox(dir, seq);
  return result;
}

async function uploadBlobs(io: Transfer, blobs: LocalBlobs, ids: string[]): Promise<void> {
  const dirs = new Map<string, Set<string>>();
  await eachLimit(ids, PARALLEL, async (id) => {
    const name = io.blobName(id);
    const sub = `${BLOBS_DIR}/${name.slice(0, 2)}`;
    if (!dirs.has(sub)) dirs.set(sub, new Set(await io.target.list(sub)));
    if (dirs.get(sub)!.has(name)) return;
    const text = await blobs.get(id);
    if (text === null) return; // not here: the device that wrote it uploads it
    await io.write(blobPath(name), encodeBlob(text, io.key));
    dirs.get(sub)!.add(name);
  });
}

/** Fetches the texts the dirty entities need from the target, checking each against its hash. */
async function fetchBlobs(io: Transfer, blobs: LocalBlobs, st: LocalSyncState): Promise<void> {
  const want = new Set<string>();
  for (const key of st.dirty) {
    const e = st.entities[key];
    if (!e) continue;
    const { k } = parseKey(key);
    const h = heads(e);
    if (k === 'note' && h.length > 1) for (const b of Object.keys(e.v)) want.add(b);
    else for (const b of h) want.add(b);
  }
  const missing: string[] = [];
  for (const id of want) if (!(await blobs.has(id))) missing.push(id);
  await eachLimit(missing, PARALLEL, async (id) => {
    const data = await io.read(blobPath(io.blobName(id)));
    if (!data) return;
    let text: string;
    try {
      text = new TextDecoder().decode(io.key ? io.key.open(data, 'A text') : data);
    } catch {
      return;
    }
    if (blobId(text) === id) await blobs.put(text); // a partial or altered file is ignored: fetched again later
  });
}

async function writeDirty(
  ctx: CoreContext,
  st: LocalSyncState,
  blobs: LocalBlobs,
  io: Transfer,
  result: SyncResult,
): Promise<void> {
  await fetchBlobs(io, blobs, st);
  const report = await write(ctx, st, st.dirty, blobs);
  result.written += report.written;
  result.conflicts += report.conflicts;
  result.pending = report.pending.length;
  st.dirty = report.pending;
}

async function writeSnapshot(io: Transfer, st: LocalSyncState): Promise<void> {
  const snap: Snapshot = {
    device: st.device,
    seq: st.uploaded,
    applied: {
      ...Object.fromEntries(Object.entries(st.applied).map(([d, a]) => [d, a.upTo])),
      [st.device]: st.uploaded,
    },
    entities: st.entities,
  };
  const data = encodeFile(snap, io.key);
  const dirName = `${DEVICES_DIR}/${st.device}`;
  const old = (await io.target.list(dirName)).filter((n) => parseSnapshotName(n));
  await io.write(`${dirName}/${snapshotName(st.uploaded, hashHex(data))}`, data);
  for (const n of old) await io.target.remove(`${dirName}/${n}`);
  st.snapshotSeq = st.uploaded;
}

/**
 * Removes this device's own segments that every known device has applied and that its newest snapshot
 * covers: a device that joins later starts from the snapshots. Never touches another device's files.
 */
async function compact(io: Transfer, st: LocalSyncState, infos: DeviceInfo[]): Promise<void> {
  if (infos.length === 0) return;
  const everyone = Math.min(...infos.map((i) => i.applied[st.device] ?? 0));
  const upTo = Math.min(everyone, st.snapshotSeq);
  if (upTo <= 0) return;
  const dirName = `${DEVICES_DIR}/${st.device}`;
  for (const n of await io.target.list(dirName)) {
    const s = parseSegmentName(n);
    if (s && s.seq <= upTo) await io.target.remove(`${dirName}/${n}`);
  }
}
