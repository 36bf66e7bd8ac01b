// Autosave of the open note: an edit waits `delayMs` for the next one, then is
// written. Saves run one after another (a slow save is never overtaken by a
// newer one, so the newest text is what ends on disk) and a failed save keeps
// its text pending: the next edit or a retry writes it.

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'failed';

export interface AutosaveOptions<T> {
  save(id: string, body: string): Promise<T>;
  delayMs: number;
  /** After each successful save, with the core's answer. */
  onSaved(saved: T): void;
  onState(state: SaveState, error?: string): void;
}

export interface Autosave {
  /** The text of note `id` changed. */
  edit(id: string, body: string): void;
  /** Writes the pending text now; resolves when every save so far has finished. */
  flush(): Promise<void>;
  /** Forgets unsaved text (the note is being deleted). */
  discard(): void;
  hasPending(): boolean;
}

export function createAutosave<T>(o: AutosaveOptions<T>): Autosave {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: { id: string; body: string } | null = null;
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
        const saved = await o.save(job.id, job.body);
        o.onState(pending ? 'unsaved' : 'saved');
        o.onSaved(saved);
      } catch (err) {
        pending ??= job; // keep the text: the next edit or a retry saves it
        o.onState('failed', (err as Error).message);
      }
    });
    return saving;
  };

  return {
    edit(id, body) {
      pending = { id, body };
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
