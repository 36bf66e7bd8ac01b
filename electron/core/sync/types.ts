// The sync room's interfaces and errors (its public types).
import { CoreError } from '../errors.js';

export type SyncErrorCode = 'sync-unreachable' | 'sync-refused' | 'sync-full' | 'sync-not-set';

/** A sync that could not run: what happened, that nothing was lost, what to do. Retried at the next sync. */
export class SyncError extends CoreError<SyncErrorCode> {
  constructor(message: string, code: SyncErrorCode) {
    super(message, code);
    this.name = 'SyncError';
  }
}

/**
 * Where the files go. Every device writes only its own files (its segments, its info, blobs named by
 * content, which are the same bytes whoever writes them) and reads everyone's, so a file-sync engine
 * never sees two devices write one file.
 */
export interface SyncTarget {
  /** For messages: the folder or the URL (never credentials). */
  readonly label: string;
  /** Names (files and folders) directly inside `dir` ('' = the target's root); [] when it does not exist. */
  list(dir: string): Promise<string[]>;
  /** The file's bytes, or null when it does not exist. */
  read(file: string): Promise<Uint8Array | null>;
  /** Writes a whole file so that a reader sees all of it or nothing (temporary name, then rename). */
  write(file: string, data: Uint8Array): Promise<void>;
  remove(file: string): Promise<void>;
}
