// Autosave of the open note: an edit waits `delayMs` for the next one, then is
// written. Saves run one after another (a slow save is never overtaken by a
// newer one, so the newest text is what ends on disk) and a failed save keeps
// its text pending: the next edit or a retry writes it.

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed';

export interface AutosaveOptions<T, P> {
  save(id: string, patch: P): Promise<T>;
  /** Folds a newer edit into one still pending for the same note (default: the newer replaces it). */
  merge?(older: P, newer: P): P;
  delayMs: number;
  /** After each successful save, with the core's answer. */
  onSaved(saved: T): void;
  onState(state: SaveState, error?: string): void;
}

export interface Autosave<P = string> {
  /** Note `id` changed (its text, or with a merge, any part of it). */
  edit(id: string, patch: P): void;
  /** Writes the pending text now; resolves when every save so far has finished. */
  flush(): Promise<void>;
  /** Forgets unsaved text (the note is being deleted). */
  discard(): void;
  hasPending(): boolean;
}

export function createAutosave<T, P = string>(o: AutosaveOptions<T, P>): Autosave<P> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: { id: string; patch: P } | null = null;
  let saving: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const job = pending;
    if (!job) return saving;
    pending = null;
    saving = saving.then(async () => {
      o.onState('saving');
      try {
        const saved = await o.save(job.id, job.patch);
        o.onState(pending ? 'unsaved' : 'saved');
        o.onSaved(saved);
      } catch (err) {
        // Keep the text: the next edit or a retry saves it (folded under any edit made meanwhile).
        pending =
          pending && pending.id === job.id && o.merge
            ? { id: job.id, patch: o.merge(job.patch, pending.patch) }
            : (pending ?? job);
        o.onState('failed', (err as Error).message);
      }
    });
    return saving;
  };

  return {
    edit(id, patch) {
      pending = pending && pending.id === id && o.merge ? { id, patch: o.merge(pending.patch, patch) } : { id, patch };
      o.onState('unsaved');
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), o.delayMs);
    },
    flush,
    discard() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
    },
    hasPending: () => pending !== null,
  };
}
