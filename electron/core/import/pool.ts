// A pool of worker threads for bulk extraction: Readability, DOMPurify and parsing
// cost ~70 ms of CPU per HTML page, so a folder of a thousand pages is CPU-bound and
// one thread leaves the other cores idle. Each worker runs worker.ts, which calls the
// same extractWithReport as in-thread import, so results are identical.
//
// The worker entry depends on how Scholia runs:
// - from TypeScript sources (vitest, tsx): worker.ts, loaded through tsx's API in
//   the worker (Node 20 does not apply `--import tsx` to a worker's own entry file);
// - from the esbuild CommonJS bundles (dist/electron/*.cjs): import-worker.cjs, built
//   next to them by scripts/build-electron.mjs;
// - from plain compiled JavaScript: worker.js next to this file.
// When no worker can start (entry missing, loader unavailable), extraction runs in
// this thread: slower, never broken.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { extractWithReport } from './registry.js';
import { type Extraction, ImportError, type ImportErrorCode, type ImportInput } from './types.js';
import { type ExtractReply, type ExtractRequest, WORKER_ROLE } from './worker-protocol.js';

export interface ExtractionPool {
  /**
   * Extracts one input in a worker (or in this thread after a failed start).
   * The input's bytes are moved to the worker, not copied: the caller's
   * Uint8Array is empty afterwards.
   */
  extract(input: ImportInput): Promise<Extraction>;
  /** Stops the workers; extractions still running are rejected. */
  close(): Promise<void>;
  /** Number of workers asked for (0 means in-thread). */
  readonly size: number;
  /** Resolves to true when workers run, false when extraction fell back to this thread. */
  readonly started: Promise<boolean>;
}

/** Workers worth starting here: one per core, at most four (memory: each loads its own DOM stack). */
export function defaultPoolSize(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores, 4));
}

interface WorkerEntry {
  /** What to pass to new Worker. */
  script: string | URL;
  eval: boolean;
}

/** How to start a worker from the code that is running now, or null when it cannot be found. */
export function workerEntry(hereUrl: string = import.meta.url): WorkerEntry | null {
  let here: string;
  try {
    here = fileURLToPath(hereUrl);
  } catch {
    return null; // not a file (a bundle loaded otherwise): extraction runs in this thread, same result
  }
  const dir = path.dirname(here);
  if (here.endsWith('.cjs')) {
    // Inside a bundle (cli.cjs, main.cjs): the worker bundle is built beside it.
    const bundled = path.join(dir, 'import-worker.cjs');
    return existsSync(bundled) ? { script: bundled, eval: false } : null;
  }
  if (here.endsWith('.ts')) {
    const source = path.join(dir, 'worker.ts');
    if (!existsSync(source)) return null;
    let api: string;
    try {
      // The ESM build of tsx's API: its CommonJS build cannot register hooks from a worker.
      api = createRequire(here)
        .resolve('tsx/esm/api')
        .replace(/\.cjs$/, '.mjs');
    } catch {
      return null; // no tsx (a packaged app runs the bundle): extraction runs in this thread
    }
    if (!existsSync(api)) return null;
    const entryUrl = pathToFileURL(source).href;
    const code = `import(${JSON.stringify(pathToFileURL(api).href)}).then((tsx) => tsx.tsImport(${JSON.stringify(entryUrl)}, ${JSON.stringify(entryUrl)}));`;
    return { script: code, eval: true };
  }
  const compiled = path.join(dir, 'worker.js');
  return existsSync(compiled) ? { script: compiled, eval: false } : null;
}

interface Task {
  id: number;
  input: ImportInput;
  resolve: (e: Extraction) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
}

/** Moves the bytes to the worker when they own their buffer; else copies them once into one that does. */
function transferable(input: ImportInput): { input: ImportInput; transfer: ArrayBuffer[] } {
  const b = input.bytes;
  const owned = b.buffer instanceof ArrayBuffer && b.byteOffset === 0 && b.byteLength === b.buffer.byteLength;
  const bytes = owned ? b : b.slice();
  return { input: { ...input, bytes }, transfer: [bytes.buffer as ArrayBuffer] };
}

function rebuildError(reply: { name: string; message: string; code?: ImportErrorCode }): Error {
  if (reply.name === 'ImportError') return new ImportError(reply.message, reply.code);
  const err = new Error(reply.message);
  err.name = reply.name;
  return err;
}

/** Starts `size` extraction workers (default: defaultPoolSize()); size 0 extracts in this thread. */
export function createExtractionPool(opts: { size?: number; entry?: WorkerEntry | null } = {}): ExtractionPool {
  const size = Math.max(0, Math.floor(opts.size ?? defaultPoolSize()));
  const entry = size > 0 ? (opts.entry === undefined ? workerEntry() : opts.entry) : null;
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;
  let fallback = entry === null;
  let settle: (ok: boolean) => void = () => {};
  const started = new Promise<boolean>((resolve) => {
    settle = resolve;
  });
  if (fallback) settle(false);

  const inThread = (task: Task) => {
    // The same call a worker makes; a throw becomes a rejection, as from a worker.
    extractWithReport(task.input).then(task.resolve, task.reject);
  };

  // Workers hold the process open only while there is work: a queued input waiting for
  // a worker that is still starting must not let the process exit under it.
  const holdOpen = () => {
    const busy = queue.length > 0 || slots.some((s) => s.task);
    for (const s of slots) {
      if (busy) s.worker.ref();
      else s.worker.unref();
    }
  };

  const pump = () => {
    if (fallback) {
      while (queue.length) inThread(queue.shift()!);
      return;
    }
    try {
      dispatch();
    } finally {
      holdOpen();
    }
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (slot.task || !queue.length || !ready.has(slot)) continue;
      const task = queue.shift()!;
      slot.task = task;
      const { input, transfer } = transferable(task.input);
      // Drop our reference: the buffer now belongs to the worker.
      task.input = { name: input.name, bytes: new Uint8Array(0) };
      slot.worker.postMessage({ id: task.id, input } satisfies ExtractRequest, transfer);
    }
  };

  const ready = new Set<Slot>();

  const spawn = (): Slot => {
    const worker = new Worker(entry!.script, { eval: entry!.eval, workerData: { role: WORKER_ROLE } });
    const slot: Slot = { worker, task: null };
    worker.unref(); // an idle pool never holds the process open (see holdOpen)
    worker.on('message', (msg: ExtractReply | 'ready') => {
      if (msg === 'ready') {
        ready.add(slot);
        settle(true);
        pump();
        return;
      }
      const task = slot.task;
      if (!task || task.id !== msg.id) return;
      slot.task = null;
      if (msg.ok) task.resolve(msg.extraction);
      else task.reject(rebuildError(msg));
      pump();
    });
    worker.on('error', (err) => onDeath(slot, err));
    worker.on('exit', (code) => onDeath(slot, new Error(`extraction worker exited (code ${code})`)));
    return slot;
  };

  const onDeath = (slot: Slot, err: Error) => {
    const i = slots.indexOf(slot);
    if (i < 0) return; // already handled ('error' is followed by 'exit')
    slots.splice(i, 1);
    const wasReady = ready.delete(slot);
    const task = slot.task;
    slot.task = null;
    if (closed) {
      task?.reject(new ImportError(`${task.input.name}: import was stopped before it was read.`));
      return;
    }
    if (task) {
      // The worker died on this input (out of memory on a hostile page, say): a per-file failure.
      task.reject(
        new ImportError(`${task.input.name} could not be read (the extraction worker stopped: ${err.message}).`),
      );
    }
    if (wasReady) {
      slots.push(spawn()); // replace a worker lost mid-run
    } else if (slots.length === 0 && ready.size === 0) {
      // No worker ever got ready: the entry does not load here. Extract in this thread.
      fallback = true;
      settle(false);
    }
    pump();
  };

  if (!fallback) {
    try {
      for (let i = 0; i < size; i++) slots.push(spawn());
    } catch {
      // Workers cannot start here (a sandbox, no threads): extract in this thread, slower but the same.
      for (const s of slots) void s.worker.terminate();
      slots.length = 0;
      fallback = true;
      settle(false);
    }
  }

  return {
    get size() {
      return fallback ? 0 : size;
    },
    started,
    extract(input) {
      if (closed) return Promise.reject(new Error('the extraction pool is closed'));
      return new Promise<Extraction>((resolve, reject) => {
        queue.push({ id: nextId++, input, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const t of queue.splice(0))
        t.reject(new ImportError(`${t.input.name}: import was stopped before it was read.`));
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
