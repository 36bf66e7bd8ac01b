// Which notes cite which passages, read from the notes' Markdown
// (`[quote](scholia://passage/<id>)`). Built on first use from the store and
// kept current from the notes' change events, so listing passages never reads
// every note body again.
import type { CoreContext } from '../context.js';

const PASSAGE_LINK = /scholia:\/\/passage\/([A-Za-z0-9_-]+)/g;

/** The passage ids a note's Markdown links to, each once, in order of first mention. */
export function passageLinks(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(PASSAGE_LINK)].map((m) => m[1]!))];
}

export class Backlinks {
  /** note id -> passage ids it cites */
  private byNote = new Map<string, string[]>();
  /** passage id -> note ids citing it */
  private byPassage = new Map<string, Set<string>>();
  private ready: Promise<void> | null = null;
  /** Notes that changed while the index was being built: read again afterwards. */
  private dirty = new Set<string>();
  /** Refreshes under way: a read waits for them, so a note saved just before is counted. */
  private pending = new Set<Promise<void>>();

  constructor(private readonly ctx: CoreContext) {
    ctx.events.on('note:changed', (id) => this.track(this.refresh(id)));
    ctx.events.on('note:removed', (id) => this.track(this.refresh(id)));
  }

  /** Ids of the notes citing a passage (sorted for stable output). */
  async notesFor(passageId: string): Promise<string[]> {
    await this.build();
    await Promise.all([...this.pending]);
    return [...(this.byPassage.get(passageId) ?? [])].sort();
  }

  private track(p: Promise<void>): void {
    // A note that could not be read again keeps its old links until its next change; logged, reads go on.
    const done = p
      .catch((err: unknown) => this.ctx.log.warn('anchor.backlinks.refresh-failed', { room: 'anchor' }, err))
      .finally(() => this.pending.delete(done));
    this.pending.add(done);
  }

  private build(): Promise<void> {
    this.ready ??= (async () => {
      for (const meta of this.ctx.store.listNotes()) {
        const note = await this.ctx.store.getNote(meta.id);
        if (note) this.set(note.id, passageLinks(note.body));
      }
      for (const id of this.dirty) await this.load(id);
      this.dirty.clear();
    })();
    return this.ready;
  }

  private async refresh(noteId: string): Promise<void> {
    if (!this.ready) return; // not built yet: the build will read the store as it is then
    this.dirty.add(noteId);
    await this.ready;
    if (!this.dirty.delete(noteId)) return;
    await this.load(noteId);
  }

  private async load(noteId: string): Promise<void> {
    // A note in the trash is not in listNotes(); it cites nothing until restored.
    const live = this.ctx.store.listNotes().some((n) => n.id === noteId);
    const note = live ? await this.ctx.store.getNote(noteId) : undefined;
    this.set(noteId, note ? passageLinks(note.body) : []);
  }

  private set(noteId: string, passageIds: string[]): void {
    for (const p of this.byNote.get(noteId) ?? []) this.byPassage.get(p)?.delete(noteId);
    if (passageIds.length) this.byNote.set(noteId, passageIds);
    else this.byNote.delete(noteId);
    for (const p of passageIds) {
      let s = this.byPassage.get(p);
      if (!s) this.byPassage.set(p, (s = new Set()));
      s.add(noteId);
    }
  }
}
