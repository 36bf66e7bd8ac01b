// Links between notes, written `[[Note title]]` (or `[[Note title|shown text]]`, `[[Note title#part]]`)
// as in Obsidian and Zettlr: found in a note's Markdown outside code, matched to notes by title
// (case, accents' composition and spacing aside).

export interface WikiLink {
  /** The title as written (before "|" or "#"), trimmed. */
  target: string;
  /** The line it stands on, trimmed (for a backlink's context). */
  line: string;
}

const LINK = /\[\[([^[\]\n]+?)\]\]/g;

/** The key a link and a note title are matched on. */
export function titleKey(title: string): string {
  return title.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The `[[…]]` links of a Markdown text, in order; none inside code blocks or inline code. */
export function wikiLinks(markdown: string): WikiLink[] {
  const out: WikiLink[] = [];
  let fence: string | null = null;
  for (const raw of markdown.split('\n')) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(raw);
    if (f) {
      if (fence === null) fence = f[1]![0]!;
      else if (f[1]![0] === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const line = raw.replace(/`[^`]*`/g, (m) => ' '.repeat(m.length));
    for (const m of line.matchAll(LINK)) {
      const target = m[1]!.split('|')[0]!.split('#')[0]!.trim();
      if (target) out.push({ target, line: raw.trim().slice(0, 300) });
    }
  }
  return out;
}

/**
 * Who links to whom, by title key: built from the note bodies on first use, then kept current
 * from the notes' change events (a changed note is read again at the next question).
 */
export class NoteLinkIndex {
  /** note id -> the links it holds */
  private links = new Map<string, WikiLink[]>();
  private built = false;
  private dirty = new Set<string>();

  constructor(
    private readonly readBody: (id: string) => Promise<string | undefined>,
    private readonly noteIds: () => string[],
  ) {}

  changed(id: string): void {
    this.dirty.add(id);
  }

  private async current(): Promise<Map<string, WikiLink[]>> {
    if (!this.built) {
      this.built = true;
      this.dirty.clear();
      for (const id of this.noteIds()) this.dirty.add(id);
    }
    for (const id of [...this.dirty]) {
      this.dirty.delete(id);
      const body = await this.readBody(id).catch(() => undefined);
      if (body === undefined) this.links.delete(id);
      else this.links.set(id, wikiLinks(body));
    }
    return this.links;
  }

  /** Notes linking to a title key, each with the lines holding its links there. */
  async linking(key: string): Promise<{ id: string; lines: string[] }[]> {
    const out: { id: string; lines: string[] }[] = [];
    for (const [id, links] of await this.current()) {
      const lines = links.filter((l) => titleKey(l.target) === key).map((l) => l.line);
      if (lines.length) out.push({ id, lines: [...new Set(lines)] });
    }
    return out;
  }
}
