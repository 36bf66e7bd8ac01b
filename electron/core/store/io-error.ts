// How a failed write reads to the user: what could not be saved, why (disk full,
// read-only folder), and that nothing else was lost.
import { StoreError } from './types.js';

/** Files written at once by a batch: enough for the disk to overlap fsyncs, few enough to stay polite. */
export const BATCH_IO = 8;

export function ioError(what: string, err: unknown): StoreError {
  if (err instanceof StoreError) return err;
  const e = err as NodeJS.ErrnoException;
  const why =
    e.code === 'ENOSPC'
      ? 'the disk is full. Free some space and try again'
      : e.code === 'EROFS' || e.code === 'EACCES' || e.code === 'EPERM'
        ? `the library folder is not writable (${e.code})`
        : e.message;
  return new StoreError(`Could not save ${what}: ${why}. Nothing was changed; everything saved before is safe.`, 'io', {
    cause: e.code ?? e.message,
  });
}
