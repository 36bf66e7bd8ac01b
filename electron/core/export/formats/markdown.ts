// Markdown: one file per note and per article, Obsidian-compatible: YAML front
// matter, safe distinct file names, [[wikilinks]] between notes and articles.
import type { ArticleMeta, Note, Passage } from '../../model.js';
import { displayDate } from '../citation.js';
import { NameAllocator } from '../filenames.js';
import { frontMatter } from '../front-matter.js';
import type { ExportBundle, ExportFile, ExportFormat, RenderOptions } from '../format.js';
import { escapeMarkdown, rewriteNoteBody, type RewriteContext } from '../note-rewrite.js';
import { formatPages, pageLocator } from '../../pages.js';
import { passageIdsIn, passageUrl } from '../passage-links.js';
import { inertMarkdown } from '../sanitize.js';
import { citationKeysFor } from '../../citation-data.js';
import { passageLocator, toCsl } from '../../cite/index.js';
import { citedSources } from '../citekeys.js';
import { toBibtex } from './bibtex.js';

const MIME = 'text/markdown';

/** Obsidian tags: no spaces, only letters, digits, `_`, `-` and `/` for nesting. */
export function obsidianTag(tag: string): string {
  return tag
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}_/-]/gu, '')
    .replace(/^\/+|\/+$/g, '');
}

/** `[[stem|alias]]`: the alias may not hold `|` or brackets, which would end the link. */
function wikilink(fileName: string, alias: string): string {
  const stem = fileName.replace(/\.md$/, '');
  const a = alias
    .replace(/[|[\]<>]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return a && a !== stem ? `[[${stem}|${a}]]` : `[[${stem}]]`;
}

function startsWithHeading(body: string): boolean {
  return /^\s*#\s/.test(body);
}

export function renderMarkdown(bundle: ExportBundle, opts: RenderOptions = {}): ExportFile[] {
  let finish = (): void => undefined;
  const names = new NameAllocator(opts.taken ?? []);
  const noteFile = new Map<string, string>();
  const articleFile = new Map<string, string>();
  for (const n of bundle.notes) noteFile.set(n.id, names.allocate(n.title, 'md', 'Untitled note'));
  for (const a of bundle.articles) articleFile.set(a.meta.id, names.allocate(a.meta.title, 'md', 'Untitled article'));

  const linkArticle = (a: ArticleMeta): string | null => {
    const f = articleFile.get(a.id);
    return f ? wikilink(f, a.title) : null;
  };
  const rw: RewriteContext = {
    passage: bundle.lookup.passage,
    article: bundle.lookup.article,
    articleLink: linkArticle,
    pages: (p) => formatPages(bundle.lookup.pages?.(p) ?? null),
  };
  // With citations: Pandoc's `[@key, para. 2]` and the sources beside the notes (references.json
  // and references.bib), so `pandoc --citeproc` makes the bibliography in any style.
  const files: ExportFile[] = [];
  let bibliography: string | undefined;
  if (opts.citations) {
    const sources = citedSources(bundle);
    const keys = citationKeysFor(sources);
    const bodyText = (id: string): string =>
      bundle.articles.find((a) => a.meta.id === id)?.body?.text ?? bundle.citedBodies?.get(id)?.text ?? '';
    const known = new Map(sources.map((a) => [a.id, a]));
    rw.pandoc = {
      keepLinks: opts.citations.keepLinks,
      cite(p) {
        const a = known.get(p.articleId) ?? bundle.lookup.article(p.articleId);
        if (!a) return null;
        if (!known.has(a.id)) {
          known.set(a.id, a);
          sources.push(a);
          keys.set(a.id, citationKeysFor([a], keys.values()).get(a.id)!);
        }
        const loc = passageLocator(bodyText(p.articleId), p.position.start, () =>
          pageLocator(bundle.lookup.pages?.(p) ?? null),
        );
        // Pandoc reads "p." and "pp." (a range) as page locators, "para." as a paragraph.
        const label = loc.label === 'page' ? (loc.value.includes('–') ? 'pp.' : 'p.') : 'para.';
        return `[@${keys.get(a.id)}, ${label} ${loc.value}]`;
      },
    };
    bibliography = names.allocate('references', 'json');
    const bib = names.allocate('references', 'bib');
    // Filled after the notes: a note may cite an article outside the scope.
    files.push({ path: bibliography, mime: 'application/vnd.citationstyles.csl+json', text: '' });
    files.push({ path: bib, mime: 'application/x-bibtex', text: '' });
    const fill = (): void => {
      const withKeys = sources.map((a) => ({ ...a, citationKey: keys.get(a.id) }));
      files[0]!.text = JSON.stringify(toCsl(withKeys), null, 2);
      files[1]!.text = toBibtex(withKeys);
    };
    finish = fill;
  }

  // Which exported notes cite each passage (for the articles' highlight lists).
  const citing = new Map<string, Note[]>();
  for (const n of bundle.notes) {
    for (const pid of passageIdsIn(n.body)) {
      const list = citing.get(pid) ?? [];
      list.push(n);
      citing.set(pid, list);
    }
  }

  for (const n of bundle.notes) {
    const attached = n.articleId ? bundle.lookup.article(n.articleId) : undefined;
    const cited = passageIdsIn(n.body)
      .map((pid) => bundle.lookup.passage(pid))
      .filter((p): p is Passage => Boolean(p))
      .map((p) => bundle.lookup.article(p.articleId))
      .filter((a): a is ArticleMeta => Boolean(a));
    const sources = attached ? [attached] : [...new Map(cited.map((a) => [a.id, a])).values()];
    const one = <T>(xs: T[]): T | T[] | undefined => (xs.length === 0 ? undefined : xs.length === 1 ? xs[0] : xs);
    const fm = frontMatter({
      title: n.title,
      type: 'note',
      tags: n.tags.map(obsidianTag).filter(Boolean),
      article: attached ? (linkArticle(attached) ?? attached.title) : undefined,
      source: one([...new Set(sources.map((a) => a.source).filter(Boolean))]),
      url: one([...new Set(sources.map((a) => a.url).filter(Boolean))]),
      created: n.createdAt,
      updated: n.updatedAt,
      scholia: `scholia://note/${n.id}`,
      bibliography,
    });
    const heading = startsWithHeading(n.body) ? '' : `# ${escapeMarkdown(n.title || 'Untitled note')}\n\n`;
    const body = inertMarkdown(rewriteNoteBody(n.body, rw));
    files.push({ path: noteFile.get(n.id)!, mime: MIME, text: `${fm}\n${heading}${body}\n` });
  }

  const passagesByArticle = new Map<string, Passage[]>();
  for (const p of bundle.passages) {
    const list = passagesByArticle.get(p.articleId) ?? [];
    list.push(p);
    passagesByArticle.set(p.articleId, list);
  }

  const notesByArticle = new Map<string, Note[]>();
  for (const n of bundle.notes) {
    if (!n.articleId) continue;
    const list = notesByArticle.get(n.articleId);
    if (list) list.push(n);
    else notesByArticle.set(n.articleId, [n]);
  }

  for (const { meta: a, body } of bundle.articles) {
    const fm = frontMatter({
      title: a.title,
      type: 'article',
      tags: a.tags.map(obsidianTag).filter(Boolean),
      source: a.source,
      author: a.author,
      published: displayDate(a.published) || undefined,
      url: a.url,
      lang: a.lang,
      added: a.addedAt,
      updated: a.updatedAt,
      scholia: `scholia://article/${a.id}`,
    });
    const parts: string[] = [`# ${escapeMarkdown(a.title || 'Untitled article')}`];
    const highlights = [...(passagesByArticle.get(a.id) ?? [])].sort((x, y) => x.position.start - y.position.start);
    if (highlights.length) {
      const items = highlights.map((p) => {
        const quote = escapeMarkdown(p.quote.exact.replace(/\s+/g, ' ').trim());
        const notes = (citing.get(p.id) ?? []).map((n) => wikilink(noteFile.get(n.id)!, n.title));
        const orphan = p.state === 'orphan' ? ' *(orphaned: no longer found in the text)*' : '';
        const cited = notes.length ? ` — cited in ${notes.join(', ')}` : '';
        const pages = formatPages(bundle.lookup.pages?.(p) ?? null);
        return `- “${quote}”${pages ? ` (${pages})` : ''}${orphan}${cited} · [open in Scholia](${passageUrl(p.id)})`;
      });
      parts.push(`## Highlights\n\n${items.join('\n')}`);
    }
    const attachedNotes = notesByArticle.get(a.id) ?? [];
    if (attachedNotes.length) {
      parts.push(`## Notes\n\n${attachedNotes.map((n) => `- ${wikilink(noteFile.get(n.id)!, n.title)}`).join('\n')}`);
    }
    if (body?.text) {
      const paragraphs = body.text.split(/\n\s*\n/).map((p) => escapeMarkdown(p.trim()));
      parts.push(`## Text\n\n${paragraphs.filter(Boolean).join('\n\n')}`);
    }
    files.push({ path: articleFile.get(a.id)!, mime: MIME, text: `${fm}\n${parts.join('\n\n')}\n` });
  }
  finish();
  return files;
}

export const markdownFormat: ExportFormat = {
  id: 'md',
  label: 'Markdown (Obsidian-compatible folder)',
  extension: 'md',
  mime: MIME,
  output: 'folder',
  needsBodies: true,
  render: renderMarkdown,
};
