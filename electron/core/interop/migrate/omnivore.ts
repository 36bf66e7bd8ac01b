// Omnivore's export: a zip of metadata_<from>_to_<to>.json (a list of saved items:
// id, slug, title, author, url, state, readingProgress, labels, savedAt, publishedAt),
// content/<slug>.html or .md (the saved text) and highlights/<slug>.md (each
// highlight a "> quote" block, then its labels as #tags and the user's note).
import { decodeUtf8, httpUrl, isoDate, str, tagList } from './text.js';
import { type MigratedItem, type MigrationFormat, type MigrationRead, MigrationError } from './types.js';
import type { PendingHighlight } from '../../model.js';
import { readZip } from './zip.js';

export const OMNIVORE_METADATA = /(?:^|\/)metadata(?:_\d+_to_\d+)?\.json$/;

/** Reads highlights/<slug>.md: quote blocks, each followed by its labels line and note. */
export function readOmnivoreHighlights(md: string): PendingHighlight[] {
  const out: PendingHighlight[] = [];
  const blocks = md.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  let current: PendingHighlight | null = null;
  for (const block of blocks) {
    if (block.startsWith('>')) {
      const quote = block
        .split('\n')
        .map((l) => l.replace(/^>\s?/, ''))
        .join('\n')
        // The link back to the highlight in Omnivore that ends the quote.
        .replace(/\s*\[[^\]]*\]\([^)]*\)\s*$/, '')
        .trim();
      current = { quote };
      if (quote) out.push(current);
    } else if (current) {
      const text = block.trim();
      if (/^(?:#[^\s#]+\s*)+$/.test(text)) current.tags = tagList(text.split(/\s+/));
      else if (text) current.note = current.note ? `${current.note}\n\n${text}` : text;
    }
  }
  return out;
}

export const omnivoreZip: MigrationFormat = {
  id: 'omnivore',
  app: 'Omnivore',
  read(bytes, name): MigrationRead {
    const files = readZip(bytes, name);
    const text = (path: string) => {
      const b = files.get(path);
      return b ? decodeUtf8(b, `${name}: ${path}`) : undefined;
    };
    const metaFiles = [...files.keys()].filter((p) => OMNIVORE_METADATA.test(p)).sort();
    if (metaFiles.length === 0)
      throw new MigrationError(`${name} is a zip but not an Omnivore export (no metadata_*.json inside).`);
    const items: MigratedItem[] = [];
    const warnings: string[] = [];
    for (const file of metaFiles) {
      let list: unknown;
      try {
        list = JSON.parse(text(file)!);
      } catch (err) {
        throw new MigrationError(
          `${name}: ${file} is not valid JSON (${(err as Error).message}); nothing was imported from it.`,
        );
      }
      if (!Array.isArray(list)) throw new MigrationError(`${name}: ${file} is not a list of saved items.`);
      const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
      list.forEach((raw, i) => {
        const m = (raw ?? {}) as Record<string, unknown>;
        const slug = str(m.slug).replace(/[/\\]/g, '');
        const where = `${file} item ${i + 1}${slug ? ` (${slug})` : ''}`;
        const url = httpUrl(m.url);
        const html = slug ? text(`${dir}content/${slug}.html`) : undefined;
        const md = slug && html === undefined ? text(`${dir}content/${slug}.md`) : undefined;
        const highlightsMd = slug ? text(`${dir}highlights/${slug}.md`) : undefined;
        if (!url && html === undefined && md === undefined) {
          warnings.push(`${where}: neither a link nor saved text; skipped.`);
          return;
        }
        const state = str(m.state).toLowerCase();
        const progress = typeof m.readingProgress === 'number' ? m.readingProgress : 0;
        items.push({
          where,
          title: str(m.title) || url || slug,
          url,
          tags: tagList(
            Array.isArray(m.labels)
              ? m.labels.map((l) => (typeof l === 'object' && l ? (l as { name?: unknown }).name : l))
              : [],
          ),
          savedAt: isoDate(m.savedAt),
          author: str(m.author),
          source: '',
          published: isoDate(m.publishedAt),
          read: state === 'archived' || progress >= 98,
          archived: state === 'archived',
          content:
            html !== undefined ? { kind: 'html', text: html } : md !== undefined ? { kind: 'md', text: md } : undefined,
          highlights: highlightsMd ? readOmnivoreHighlights(highlightsMd) : [],
        });
      });
    }
    return { app: 'Omnivore', items, warnings };
  },
};
