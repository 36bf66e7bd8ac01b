// The API fuzzer: every contract method, called with random and malformed
// arguments over browser mode's HTTP server and through the IPC handler
// function. Shared by the bounded unit test (api-fuzz.test.ts) and the long
// run (`npm run eval:fuzz`). Methods come from the contract table, so a new
// method is fuzzed without anyone listing it here.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import { rng } from '../../../bench/rng.js';
import { API_METHODS, contract, parseArgs, type ApiMethod } from '../../../electron/core/contract.js';
import type { ScholiaApi } from '../../../electron/core/api.js';
import { ipcHandler } from '../../../electron/ipc.js';
import { statusForCode } from '../../../electron/errors.js';
import { LibrarySession } from '../../../electron/library-session.js';
import { startWebServer, type WebServer } from '../../../electron/web.js';
import { FIXTURES } from '../../sample-text.js';

/**
 * Files in a library folder that are caches by design: rebuilt from the bodies
 * whenever they are missing, stale or damaged, and saved when a room decides to
 * (a search warms the index; a question catches up the cross-source index).
 * A fuzzed call may legitimately refresh them; everything else must not change.
 */
export const CACHE_FILES = new Set([
  'search-index.bin',
  'search-snippets.bin',
  'search-snippets.json',
  'crossref-index.bin',
]);

/** Hash of every file under the library folder except caches: path -> sha256. */
export function hashLibrary(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      const rel = path.relative(dir, full);
      if (statSync(full).isDirectory()) walk(full);
      else if (!CACHE_FILES.has(rel)) out.set(rel, createHash('sha256').update(readFileSync(full)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

export function diffHashes(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of a)
    if (!b.has(k)) out.push(`removed ${k}`);
    else if (b.get(k) !== v) out.push(`changed ${k}`);
  for (const k of b.keys()) if (!a.has(k)) out.push(`added ${k}`);
  return out;
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function randomId(r: Rand): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += '0123456789abcdefghijklmnopqrstuvwxyz'[Math.floor(r() * 36)];
  return `${pick(r, ['a', 'n', 'p', 'r'])}_${s}`;
}

/** Strings a hostile or careless front end might send where an id, a tag or a text goes. */
function hostileString(r: Rand): string {
  const x = r();
  if (x < 0.02) return 'y'.repeat(1 + Math.floor(r() * 300_000)); // huge
  if (x < 0.3) return randomId(r);
  return pick(r, [
    '',
    ' ',
    'x',
    '../../etc/passwd',
    '..\\..\\windows\\win.ini',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    'a/../../b',
    '%2e%2e%2f%2e%2e%2fx',
    'CON',
    'nul',
    'COM1',
    'LPT9.txt',
    'aux.json',
    'a\u0000b',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    '(((',
    ')',
    'a AND',
    'NOT',
    '"',
    '-',
    '\ud800',
    '\u202e\u0000',
    '<script>alert(1)</script>',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'x'.repeat(200),
    'x'.repeat(201),
    '2026-13-45',
    '#ff0000',
    'red; background:url(x)',
    'ukraine/drones',
    '///',
  ]);
}

/** Sets an own property, even one named __proto__ (as JSON.parse makes it), never the prototype. */
function own(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function deep(r: Rand, depth: number): unknown {
  let v: unknown = pick(r, [null, 1, 'x', {}]);
  for (let i = 0; i < depth; i++) v = r() < 0.5 ? [v] : { a: v };
  return v;
}

/** Any JSON value, biased to the kinds that break parsers and handlers. */
function hostileValue(r: Rand, budget = 3): unknown {
  const x = r();
  if (x < 0.3) return hostileString(r);
  if (x < 0.45) return pick(r, [null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, 0.1]);
  if (x < 0.55) return JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}');
  if (x < 0.6) return deep(r, 100 + Math.floor(r() * 3000));
  if (x < 0.63) return new Array(50_000 + Math.floor(r() * 100_000)).fill(0);
  if (x < 0.8 && budget > 0) return Array.from({ length: Math.floor(r() * 4) }, () => hostileValue(r, budget - 1));
  if (budget > 0) {
    const o: Record<string, unknown> = {};
    for (let i = Math.floor(r() * 4); i > 0; i--) own(o, hostileString(r).slice(0, 40), hostileValue(r, budget - 1));
    return o;
  }
  return {};
}

interface Def {
  type: string;
  items?: z.ZodType[];
  element?: z.ZodType;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  in?: z.ZodType;
  values?: unknown[];
}
const defOf = (s: z.ZodType): Def => (s as unknown as { def: Def }).def;

/**
 * A value shaped like the schema (so the call reaches the core) with hostile
 * leaves, and now and then something that is not the shape at all.
 */
function shaped(r: Rand, schema: z.ZodType, ids: readonly string[], depth = 0): unknown {
  if (r() < 0.12 || depth > 6) return hostileValue(r);
  const d = defOf(schema);
  switch (d.type) {
    case 'tuple': {
      const items = (d.items ?? []).map((s) => shaped(r, s, ids, depth + 1));
      if (r() < 0.1) items.push(hostileValue(r));
      if (r() < 0.1) items.pop();
      while (items.length && items[items.length - 1] === undefined) items.pop();
      return items;
    }
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(d.shape ?? {})) if (r() < 0.7) own(o, k, shaped(r, s, ids, depth + 1));
      if (r() < 0.1) own(o, pick(r, ['__proto__', 'constructor', 'extra']), hostileValue(r));
      return o;
    }
    case 'array':
      return Array.from({ length: Math.floor(r() * 4) }, () => shaped(r, d.element!, ids, depth + 1));
    case 'optional':
      return r() < 0.3 ? undefined : shaped(r, d.innerType!, ids, depth + 1);
    case 'nullable':
      return r() < 0.3 ? null : shaped(r, d.innerType!, ids, depth + 1);
    case 'union':
      return shaped(r, pick(r, d.options!), ids, depth + 1);
    case 'pipe':
      return shaped(r, d.in!, ids, depth + 1);
    case 'enum':
      return r() < 0.9 ? pick(r, Object.values(d.entries ?? {})) : hostileString(r);
    case 'literal':
      return pick(r, d.values ?? [null]);
    case 'boolean':
      return r() < 0.5;
    case 'number':
      return pick(r, [0, 1, 5, 40, -1, 1e9, 0.5, 2 ** 31]);
    case 'string':
      // Now and then an id that exists, so a malformed call next to a real id is tried too.
      return ids.length && r() < 0.1 ? pick(r, ids) : hostileString(r);
    default:
      return hostileValue(r);
  }
}

/**
 * Calls that, when well-formed, change the library as they should (creating a
 * note, importing, backing up, restoring the latest backup, emptying the
 * trash, colouring a tag). The fuzzer sends only malformed versions of them.
 */
const CHANGES_WHEN_VALID: Partial<Record<ApiMethod, (args: unknown[]) => boolean>> = {
  createNote: () => true,
  importFiles: () => true,
  importPaste: () => true,
  // http(s) would reach the network; anything else must be refused.
  importUrl: (a) => /^\s*https?:/i.test(String(a[0])),
  backup: () => true,
  restoreBackup: (a) => a[0] === undefined,
  emptyTrash: () => true,
  setTagColor: () => true,
  saveCollection: () => true,
  setPreferences: () => true,
  // A valid target is a folder or URL: the fuzzer must not create folders or reach servers.
  setSyncTarget: () => true,
  syncNow: () => true,
};

/** Bodies that are not `{"args": [...]}`: each must be refused before any method runs. */
export const BAD_BODIES = [
  '',
  'null',
  '42',
  '[]',
  '"args"',
  'true',
  '{}',
  '{"args":null}',
  '{"args":{}}',
  '{"args":"x"}',
  '{"args":{"0":"x","length":1}}',
  '{"args":[],"extra":1}',
  '{"__proto__":{"args":[]}}',
  '{"args":[]',
  '\u0000',
];

function wellFormed(method: ApiMethod, args: unknown): unknown[] | undefined {
  try {
    return parseArgs(method, args) as unknown[];
  } catch {
    return undefined;
  }
}

export interface FuzzFailure {
  via: 'http' | 'ipc';
  method: string;
  sent: string;
  status: number;
  answer: string;
}

export interface FuzzStats {
  requests: number;
  ok2xx: number;
  err4xx: number;
  err5xx: number;
  skipped: number;
  failures: FuzzFailure[];
  /** Per error code seen: how many answers carried it. */
  codes: Record<string, number>;
  ms: number;
}

export interface FuzzTargets {
  server: WebServer;
  api: ScholiaApi;
  libraryDir: string;
  /** Ids that exist in the library (used sparingly; well-formed calls naming them are not sent). */
  ids: readonly string[];
}

function post(server: WebServer, method: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: `/api/${method}`,
        method: 'POST',
        headers: {
          Host: `127.0.0.1:${server.port}`,
          'Content-Type': 'application/json',
          Authorization: `Bearer ${server.token}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const short = (s: string): string => (s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s);

function stringify(v: unknown): string {
  try {
    return JSON.stringify(v) ?? 'undefined';
  } catch {
    return String(v); // a value JSON cannot carry (too deep): shown as is
  }
}

/**
 * Runs `calls` random calls over each of HTTP and IPC (plus, over HTTP, every
 * malformed body for every method) and checks each answer: bad input is a 4xx
 * JSON error (over IPC: an error code whose status is 4xx), nothing is ever a
 * 5xx, and no answer shows the library's absolute path.
 */
export async function runFuzz(t: FuzzTargets, opts: { seed: number; calls: number }): Promise<FuzzStats> {
  const r = rng(opts.seed);
  const started = performance.now();
  const stats: FuzzStats = { requests: 0, ok2xx: 0, err4xx: 0, err5xx: 0, skipped: 0, failures: [], codes: {}, ms: 0 };
  const ipc = ipcHandler(t.api, () => true);
  const trustedEvent = {} as IpcMainInvokeEvent;

  const record = (
    via: 'http' | 'ipc',
    method: string,
    sent: string,
    malformed: boolean,
    status: number,
    answer: string,
  ): void => {
    stats.requests++;
    let code = '';
    let error = '';
    let json = true;
    try {
      const b = JSON.parse(answer) as { code?: string; error?: string };
      code = b.code ?? '';
      error = b.error ?? '';
    } catch {
      json = false;
    }
    if (status >= 400) stats.codes[code || `(none, ${status})`] = (stats.codes[code || `(none, ${status})`] ?? 0) + 1;
    let why = '';
    if (status >= 500) {
      stats.err5xx++;
      why = '5xx';
    } else if (status >= 400) {
      stats.err4xx++;
      if (!json || !error) why = 'not a JSON error';
    } else {
      stats.ok2xx++;
      if (malformed) why = 'malformed input accepted';
    }
    if (error.includes(t.libraryDir)) why ||= 'message shows the library path';
    if (why) stats.failures.push({ via, method, sent: `${why}: ${short(sent)}`, status, answer: short(answer) });
  };

  const methods = API_METHODS;
  // Over HTTP: every body that is not the exact shape, for every method.
  for (const method of methods) {
    for (const body of BAD_BODIES) {
      const res = await post(t.server, method, body);
      record('http', method, body, true, res.status, res.body);
    }
  }

  for (let i = 0; i < opts.calls; i++) {
    const method = pick(r, methods);
    const schema = contract[method] as z.ZodType;
    const args = r() < 0.85 ? shaped(r, schema, t.ids) : hostileValue(r);
    const text = stringify(args);
    // What arrives over HTTP is the JSON text (undefined in an array becomes null, and so on).
    const overHttp = args === undefined ? undefined : (JSON.parse(text) as unknown);
    const httpOk = wellFormed(method, overHttp);
    const ipcOk = wellFormed(method, args);
    const skip = (ok: unknown[] | undefined): boolean =>
      ok !== undefined &&
      ((CHANGES_WHEN_VALID[method]?.(ok) ?? false) || t.ids.some((id) => stringify(ok).includes(id)));
    if (skip(httpOk) || skip(ipcOk)) {
      stats.skipped++;
      continue;
    }
    const res = await post(t.server, method, args === undefined ? '{}' : `{"args":${text}}`);
    record('http', method, text, !httpOk, res.status, res.body);
    // Through the IPC handler, with the value as structured clone would deliver it.
    const reply = await ipc(method, trustedEvent, args);
    const status = reply.ok ? 200 : statusForCode(reply.code);
    record('ipc', method, text, !ipcOk, status, JSON.stringify(reply));
  }
  stats.ms = Math.round(performance.now() - started);
  return stats;
}

export function formatStats(s: FuzzStats): string {
  const codes = Object.entries(s.codes)
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  return (
    `API fuzz: ${s.requests} requests, ${s.ok2xx} 2xx, ${s.err4xx} 4xx, ${s.err5xx} 5xx, ` +
    `${s.skipped} well-formed changing calls not sent, ${s.failures.length} failures, ${s.ms} ms\n  codes: ${codes}`
  );
}

/**
 * A small real library (two articles, a passage, a note citing it, a tag, a
 * backup) served by browser mode on 127.0.0.1, as `scholia serve` runs it.
 */
export async function openFuzzLibrary(): Promise<FuzzTargets & { session: LibrarySession; close(): Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'scholia-fuzz-'));
  const libraryDir = path.join(dir, 'library');
  const staticDir = path.join(dir, 'static');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Scholia</title>');
  const session = await LibrarySession.open({ libraryDir, mode: 'browser' });
  const api = session.api;
  const ids: string[] = [];
  const files = ['moscow-times-blinken-iranian-drones.txt', 'rferl-blinken-iranian-drones.txt'].map((name) => ({
    name,
    dataBase64: readFileSync(path.join(FIXTURES, name)).toString('base64'),
  }));
  for (const r of await api.importFiles(files)) ids.push(r.id!);
  const passage = await api.addPassage({ articleId: ids[0]!, start: 0, end: 40 });
  ids.push(passage.id);
  const note = await api.createNote({ body: `# On drones\n\n[the quote](scholia://passage/${passage.id})` });
  ids.push(note.id);
  await api.addTags([{ kind: 'article', id: ids[1]! }], ['iran/drones']);
  await api.backup();
  const server = await startWebServer({ api, staticDir, token: 'f'.repeat(48) });
  return {
    server,
    api,
    session,
    libraryDir,
    ids,
    async close() {
      await server.close();
      await session.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
