// Messages between panes that have no parent-child path (reader -> notes editor,
// note preview -> reader). Typed, and nothing more than an EventTarget.
export interface BusEvents {
  /** Insert Markdown at the cursor of the open note (creating a note when none is open). */
  'insert-into-note': { markdown: string; articleId: string | null };
  /** Open the passage's article, scroll it into view and flash it. */
  'open-passage': { passageId: string };
  /** Passages or notes changed: panes refresh what they show. */
  'passages-changed': { articleId: string };
  'notes-changed': Record<string, never>;
  /** Compare two articles side by side. */
  compare: { aId: string; bId: string };
  /** Open a note in the notes pane. */
  'open-note': { noteId: string };
}

const target = new EventTarget();

export function emit<K extends keyof BusEvents>(type: K, detail: BusEvents[K]): void {
  target.dispatchEvent(new CustomEvent(type, { detail }));
}

/** Handlers may be async; one that rejects is reported, never lost (handlers toast their own errors first). */
export function on<K extends keyof BusEvents>(type: K, fn: (detail: BusEvents[K]) => unknown): () => void {
  const listener = (e: Event) => {
    const done = fn((e as CustomEvent<BusEvents[K]>).detail);
    if (done instanceof Promise) done.catch((err: unknown) => console.error(`'${type}' handler failed`, err));
  };
  target.addEventListener(type, listener);
  return () => target.removeEventListener(type, listener);
}
