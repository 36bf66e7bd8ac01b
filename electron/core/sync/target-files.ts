// The files on a sync target, and how their bytes are made and checked.
//
//   scholia-sync.json                         the target's header: format, version, and (when encrypted) the
//                                             key derivation's parameters and a check value. Written once.
//   devices/<device>/info                     that device's name, how far it has applied everyone's segments
//   devices/<device>/<seq>-<hash>.seg         its change-log segments, immutable; <hash> = SHA-256 of the file
//   devices/<device>/snapshot-<seq>-<hash>    its whole replicated state (a new device starts from these)
//   blobs/<xx>/<name>                         article bodies and note texts by content (name: hash, or its HMAC)
//
// Only the device named in a path ever writes there; blobs are the same bytes whoever writes them.
import { createHash } from 'node:crypto';
import type { SyncKey } from './crypto.js';

export const HEADER_FILE = 'scholia-sync.json';
export const DEVICES_DIR = 'devices';
export const BLOBS_DIR = 'blobs';
const MAGIC = 'SCHOLIA-SYNC-1\n';

export function hashHex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 32);
}

export const segmentName = (seq: number, hash: string) => `${String(seq).padStart(10, '0')}-${hash}.seg`;
export const snapshotName = (seq: number, hash: string) => `snapshot-${String(seq).padStart(10, '0')}-${hash}`;

export function parseSegmentName(name: string): { seq: number; hash: string } | null {
  const m = /^(\d{10})-([0-9a-f]{32})\.seg$/.exec(name);
  return m ? { seq: Number(m[1]), hash: m[2]! } : null;
}
export function parseSnapshotName(name: string): { seq: number; hash: string } | null {
  const m = /^snapshot-(\d{10})-([0-9a-f]{32})$/.exec(name);
  return m ? { seq: Number(m[1]), hash: m[2]! } : null;
}

export function blobPath(name: string): string {
  return `${BLOBS_DIR}/${name.slice(0, 2)}/${name}`;
}

/** A JSON value as the bytes stored on the target (sealed when there is a key). */
export function encodeFile(value: unknown, key: SyncKey | null): Uint8Array {
  const plain = new TextEncoder().encode(MAGIC + JSON.stringify(value));
  return key ? key.seal(plain) : plain;
}

/** Reads back encodeFile's bytes; null when they are not a file of ours (damaged, foreign). */
export function decodeFile<T>(data: Uint8Array, key: SyncKey | null, what: string): T | null {
  const plain = key ? key.open(data, what) : data;
  const text = new TextDecoder().decode(plain);
  if (!text.startsWith(MAGIC)) return null;
  try {
    return JSON.parse(text.slice(MAGIC.length)) as T;
  } catch {
    return null;
  }
}

export function encodeBlob(text: string, key: SyncKey | null): Uint8Array {
  const plain = new TextEncoder().encode(text);
  return key ? key.seal(plain) : plain;
}
