// Messages between the extraction pool (pool.ts) and its workers (worker.ts).
// Errors cross the thread boundary as {name, message}: class identity does not
// survive structured clone, so the pool rebuilds ImportError from the name.
import type { Extraction, ImportErrorCode, ImportInput } from './types.js';

/** Marks a worker started by the pool, so worker.ts never answers another thread's port. */
export const WORKER_ROLE = 'scholia-extraction';

export interface ExtractRequest {
  id: number;
  input: ImportInput;
}

export type ExtractReply =
  | { id: number; ok: true; extraction: Extraction }
  | { id: number; ok: false; name: string; message: string; code?: ImportErrorCode };
