// The replicated state of a library as sync sees it: a state-based CRDT that every device folds the same
// operations into, in any order, any number of times, and reads the same library out of.
// - scalar fields: last writer wins by hybrid logical clock (register = [value, stamp]);
// - tags: an add/remove set per element (present while its newest add is newer than its newest remove);
// - texts (article bodies, note bodies): a graph of versions named by content hash, each with its parents;
//   one head is the text, several heads are concurrent edits (merged or kept side by side: materialize.ts);
// - deletion: the field `deleted` (the trash), a register like the others, so a restore wins over an older
//   deletion and vice versa.
import type { Hlc } from './hlc.js';

export type EntityKind = 'article' | 'note' | 'passage' | 'collection';
export const ENTITY_KINDS: readonly EntityKind[] = ['article', 'note', 'passage', 'collection'];

export interface TextVersion {
  /** Parent versions (content hashes): the text this one was edited from. */
  p: string[];
  c: Hlc;
}

export interface EntityState {
  /** Registers: field -> [value, stamp]. */
  f: Record<string, [unknown, Hlc]>;
  /** Sets: field -> element -> [newest add stamp, newest remove stamp] ('' = never). */
  s: Record<string, Record<string, [Hlc, Hlc]>>;
  /** Text versions by content hash. */
  v: Record<string, TextVersion>;
}

/** One change to one entity, stamped by the device that made it. */
export interface SyncOp {
  k: EntityKind;
  id: string;
  c: Hlc;
  set?: Record<string, unknown>;
  add?: Record<string, string[]>;
  rem?: Record<string, string[]>;
  /** A new text version (its content hash and the versions it was edited from). */
  ver?: { blob: string; p: string[] };
}

export type Entities = Record<string, EntityState>;

export function entityKey(k: EntityKind, id: string): string {
  return `${k}:${id}`;
}
export function parseKey(key: string): { k: EntityKind; id: string } {
  const i = key.indexOf(':');
  return { k: key.slice(0, i) as EntityKind, id: key.slice(i + 1) };
}

export function emptyEntity(): EntityState {
  return { f: {}, s: {}, v: {} };
}

/** Folds one operation into the state. Idempotent and order-independent. Returns whether anything changed. */
export function applyOp(entities: Entities, op: SyncOp): boolean {
  const key = entityKey(op.k, op.id);
  const e = (entities[key] ??= emptyEntity());
  let changed = false;
  for (const [field, value] of Object.entries(op.set ?? {})) {
    const cur = e.f[field];
    if (!cur || op.c > cur[1]) {
      e.f[field] = [value, op.c];
      changed = true;
    }
  }
  for (const [which, slot] of [
    ['add', 0],
    ['rem', 1],
  ] as const) {
    for (const [field, elems] of Object.entries(op[which] ?? {})) {
      const set = (e.s[field] ??= {});
      for (const el of elems) {
        const cur = (set[el] ??= ['', '']);
        if (op.c > cur[slot]) {
          cur[slot] = op.c;
          changed = true;
        }
      }
    }
  }
  if (op.ver) {
    const cur = e.v[op.ver.blob];
    if (!cur) {
      e.v[op.ver.blob] = { p: [...op.ver.p].sort(), c: op.c };
      changed = true;
    } else {
      // The same text reached twice (two devices typed the same): one version, the older stamp, all parents.
      const p = [...new Set([...cur.p, ...op.ver.p])].filter((x) => x !== op.ver!.blob).sort();
      const c = op.c < cur.c ? op.c : cur.c;
      if (c !== cur.c || p.length !== cur.p.length) {
        e.v[op.ver.blob] = { p, c };
        changed = true;
      }
    }
  }
  return changed;
}

/** Merges a whole state into another (a snapshot into a device's state): the union of everything. */
export function mergeEntities(into: Entities, from: Entities): string[] {
  const changed: string[] = [];
  for (const [key, src] of Object.entries(from)) {
    const { k, id } = parseKey(key);
    let any = false;
    for (const [field, [value, c]] of Object.entries(src.f))
      any = applyOp(into, { k, id, c, set: { [field]: value } }) || any;
    for (const [field, set] of Object.entries(src.s)) {
      for (const [el, [a, r]] of Object.entries(set)) {
        if (a) any = applyOp(into, { k, id, c: a, add: { [field]: [el] } }) || any;
        if (r) any = applyOp(into, { k, id, c: r, rem: { [field]: [el] } }) || any;
      }
    }
    for (const [blob, ver] of Object.entries(src.v))
      any = applyOp(into, { k, id, c: ver.c, ver: { blob, p: ver.p } }) || any;
    if (any) changed.push(key);
  }
  return changed;
}

export function fieldValues(e: EntityState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, [value]] of Object.entries(e.f)) out[field] = value;
  return out;
}

export function setMembers(e: EntityState, field: string): string[] {
  const set = e.s[field] ?? {};
  return Object.keys(set)
    .filter((el) => set[el]![0] > set[el]![1])
    .sort();
}

/** The versions nothing else was edited from, oldest stamp first (ties cannot happen: stamps carry the device). */
export function heads(e: EntityState): string[] {
  const parents = new Set<string>();
  for (const v of Object.values(e.v)) for (const p of v.p) parents.add(p);
  return Object.keys(e.v)
    .filter((b) => !parents.has(b))
    .sort((a, b) => (e.v[a]!.c < e.v[b]!.c ? -1 : e.v[a]!.c > e.v[b]!.c ? 1 : a < b ? -1 : 1));
}

/** Every version a version was edited from, directly or not (itself included). */
export function ancestors(e: EntityState, blob: string): Set<string> {
  const seen = new Set<string>();
  const stack = [blob];
  while (stack.length) {
    const b = stack.pop()!;
    if (seen.has(b)) continue;
    seen.add(b);
    for (const p of e.v[b]?.p ?? []) stack.push(p);
  }
  return seen;
}

/** The newest version both texts descend from (the base of a three-way merge), or null. */
export function commonAncestor(e: EntityState, a: Set<string>, b: string): string | null {
  const ofB = ancestors(e, b);
  let best: string | null = null;
  for (const x of a) {
    if (!ofB.has(x) || !e.v[x]) continue;
    if (best === null || e.v[x].c > e.v[best]!.c || (e.v[x].c === e.v[best]!.c && x < best)) best = x;
  }
  return best;
}
