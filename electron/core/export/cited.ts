// Notes with their citations resolved, in a form any document format can lay out (DOCX today):
// each `scholia://passage` link becomes the quote and an in-text citation (or a footnote for note
// styles) in the chosen CSL style, and the document ends with the bibliography of what it cited.
// What cannot be cited (a passage no longer in the library, an article without author or date) is
// reported in `problems` rather than left as a link that means nothing outside Scholia.
import { marked, type Token, type Tokens } from 'marked';
import { citationKeysFor } from '../citation-data.js';
import { cslItem, formatter, missingFor, passageLocator, styleXml } from '../cite/index.js';
import type { ArticleMeta, Note, Passage } from '../model.js';
import { pageLocator } from '../pages.js';
import type { CitationOptions, ExportBundle } from './format.js';

export type { CitationOptions };
import { isWebUrl } from './citation.js';
import { passageUrl } from './passage-links.js';

/** A run of text with its marks; `citation` is formatted CSL (HTML with <i>, <b>, <sup>). */
export type Inline =
  | { kind: 'text'; text: string; bold?: boolean; italic?: boolean; code?: boolean; href?: string }
  | { kind: 'citation'; html: string }
  | { kind: 'footnote'; n: number };

export type Block =
  | { kind: 'heading'; level: number; inlines: Inline[] }
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'list-item'; ordered: boolean; n: number; depth: number; inlines: Inline[] }
  | { kind: 'quote'; inlines: Inline[] }
  | { kind: 'code'; text: string };

export interface CitedDocument {
  title: string;
  styleId: string;
  note: boolean;
  blocks: Block[];
  /** Footnote texts (CSL HTML), numbered from 1, for note styles. */
  footnotes: string[];
  /** The bibliography heading the style's tradition uses ("References", "Bibliography", "Works Cited"). */
  bibliographyTitle: string;
  bibliography: string[];
  problems: string[];
}

const PASSAGE_HREF = /^scholia:\/\/passage\/([A-Za-z0-9_-]+)$/;

function bibliographyTitle(style: string): string {
  if (style === 'mla') return 'Works Cited';
  if (style.startsWith('chicago')) return 'Bibliography';
  return 'References';
}

/** Builds the cited document for the notes (and articles' highlights) of a bundle. */
export function citedDocument(bundle: ExportBundle, title: string, opts: CitationOptions = {}): CitedDocument {
  const styleId = opts.style ?? 'apa';
  const xml = styleXml(styleId, opts.userStyles ?? []);
  const problems: string[] = [];

  // Which articles the document cites, in order of first citation (numeric styles number them so).
  const cited: ArticleMeta[] = [];
  const citedIds = new Set<string>();
  const cite = (a: ArticleMeta): void => {
    if (!citedIds.has(a.id)) {
      citedIds.add(a.id);
      cited.push(a);
    }
  };
  const passagesOfNotes: Passage[] = [];
  for (const n of bundle.notes) {
    for (const t of marked.lexer(n.body))
      walkLinks(t, (href) => {
        const id = href.match(PASSAGE_HREF)?.[1];
        const p = id ? bundle.lookup.passage(id) : undefined;
        const a = p ? bundle.lookup.article(p.articleId) : undefined;
        if (p && a) {
          passagesOfNotes.push(p);
          cite(a);
        }
      });
    const attached = n.articleId ? bundle.lookup.article(n.articleId) : undefined;
    if (attached) cite(attached);
  }
  for (const { meta } of bundle.articles) cite(meta);

  const keys = citationKeysFor(cited);
  const items = cited.map((a) => cslItem(a, keys.get(a.id)!));
  const f = formatter(xml, items, 'html');
  const footnotes: string[] = [];
  const bodyText = (articleId: string): string =>
    bundle.articles.find((a) => a.meta.id === articleId)?.body?.text ?? bundle.citedBodies?.get(articleId)?.text ?? '';

  const citationOf = (p: Passage): Inline[] => {
    const locator = passageLocator(bodyText(p.articleId), p.position.start, () =>
      pageLocator(bundle.lookup.pages?.(p) ?? null),
    );
    const html = f.cite(keys.get(p.articleId)!, locator);
    const out: Inline[] = [];
    if (f.note) {
      footnotes.push(html);
      out.push({ kind: 'footnote', n: footnotes.length });
    } else out.push({ kind: 'text', text: ' ' }, { kind: 'citation', html });
    if (opts.keepLinks)
      out.push({ kind: 'text', text: ' ' }, { kind: 'text', text: '[Scholia]', href: passageUrl(p.id) });
    return out;
  };

  const blocks: Block[] = [];
  const missingReported = new Set<string>();
  const reportMissing = (a: ArticleMeta): void => {
    const missing = missingFor(a);
    if (missing.length && !missingReported.has(a.id)) {
      missingReported.add(a.id);
      problems.push(`“${a.title}” has ${missing.join(', ')}: its citation shows what it has.`);
    }
  };

  /** Inline tokens to runs; passage links become their link text plus the citation. */
  const inlines = (tokens: Token[] | undefined, marks: { bold?: boolean; italic?: boolean } = {}): Inline[] => {
    const out: Inline[] = [];
    for (const t of tokens ?? []) {
      switch (t.type) {
        case 'strong':
          out.push(...inlines((t as Tokens.Strong).tokens, { ...marks, bold: true }));
          break;
        case 'em':
          out.push(...inlines((t as Tokens.Em).tokens, { ...marks, italic: true }));
          break;
        case 'codespan':
          out.push({ kind: 'text', text: decode((t as Tokens.Codespan).text), code: true, ...marks });
          break;
        case 'br':
          out.push({ kind: 'text', text: '\n', ...marks });
          break;
        case 'link': {
          const link = t as Tokens.Link;
          const id = link.href.match(PASSAGE_HREF)?.[1];
          if (id) {
            const p = bundle.lookup.passage(id);
            const a = p ? bundle.lookup.article(p.articleId) : undefined;
            out.push(...inlines(link.tokens, marks));
            if (p && a) {
              reportMissing(a);
              out.push(...citationOf(p));
            } else
              problems.push(
                `A link to passage ${id} (“${link.text.slice(0, 60)}”) could not be cited: the passage is no longer in the library. Its text is kept without a citation.`,
              );
            break;
          }
          // Only web links survive as links (no javascript:, data:, file:); others keep their text.
          const href = isWebUrl(link.href) || link.href.startsWith('mailto:') ? link.href : undefined;
          for (const r of inlines(link.tokens, marks)) out.push(r.kind === 'text' && href ? { ...r, href } : r);
          break;
        }
        case 'text': {
          const tt = t as Tokens.Text;
          if (tt.tokens?.length) out.push(...inlines(tt.tokens, marks));
          else out.push({ kind: 'text', text: decode(tt.text), ...marks });
          break;
        }
        case 'escape':
          out.push({ kind: 'text', text: (t as Tokens.Escape).text, ...marks });
          break;
        default:
          // Raw HTML and anything else: shown as the literal text it is, never as markup.
          out.push({ kind: 'text', text: decode((t as { raw: string }).raw), ...marks });
      }
    }
    return out;
  };

  /** A paragraph that is only a passage link: the quote as a block quote with its citation. */
  const quoteBlock = (tokens: Token[] | undefined): Block | null => {
    const meaningful = (tokens ?? []).filter((t) => !(t.type === 'text' && !(t as Tokens.Text).text.trim()));
    if (meaningful.length !== 1 || meaningful[0]!.type !== 'link') return null;
    const link = meaningful[0] as Tokens.Link;
    const id = link.href.match(PASSAGE_HREF)?.[1];
    if (!id) return null;
    const p = bundle.lookup.passage(id);
    const a = p ? bundle.lookup.article(p.articleId) : undefined;
    if (!p || !a) return null;
    reportMissing(a);
    const quote = p.quote.exact.replace(/\s+/g, ' ').trim();
    if (p.state === 'orphan')
      problems.push(
        `The passage “${quote.slice(0, 60)}…” is no longer found in its article: its locator may be wrong.`,
      );
    return { kind: 'quote', inlines: [{ kind: 'text', text: `“${quote}”` }, ...citationOf(p)] };
  };

  const walk = (tokens: Token[], depth = 0): void => {
    for (const t of tokens) {
      switch (t.type) {
        case 'heading':
          blocks.push({
            kind: 'heading',
            level: Math.min(6, (t as Tokens.Heading).depth + 1),
            inlines: inlines((t as Tokens.Heading).tokens),
          });
          break;
        case 'paragraph': {
          const q = quoteBlock((t as Tokens.Paragraph).tokens);
          blocks.push(q ?? { kind: 'paragraph', inlines: inlines((t as Tokens.Paragraph).tokens) });
          break;
        }
        case 'blockquote':
          for (const b of (t as Tokens.Blockquote).tokens) {
            if (b.type === 'paragraph') {
              const q = quoteBlock((b as Tokens.Paragraph).tokens);
              blocks.push(q ?? { kind: 'quote', inlines: inlines((b as Tokens.Paragraph).tokens) });
            } else walk([b], depth);
          }
          break;
        case 'list': {
          const list = t as Tokens.List;
          list.items.forEach((item, i) => {
            const [first, ...rest] = item.tokens;
            const firstInlines =
              first && (first.type === 'text' || first.type === 'paragraph')
                ? inlines(
                    (first as Tokens.Text).tokens ?? [
                      {
                        type: 'text',
                        raw: (first as Tokens.Text).text,
                        text: (first as Tokens.Text).text,
                      } as Tokens.Text,
                    ],
                  )
                : [];
            blocks.push({
              kind: 'list-item',
              ordered: list.ordered,
              n: (typeof list.start === 'number' ? list.start : 1) + i,
              depth,
              inlines: firstInlines,
            });
            walk(first && (first.type === 'text' || first.type === 'paragraph') ? rest : item.tokens, depth + 1);
          });
          break;
        }
        case 'code':
          blocks.push({ kind: 'code', text: (t as Tokens.Code).text });
          break;
        case 'space':
        case 'hr':
          break;
        default:
          if ('raw' in t && String(t.raw).trim())
            blocks.push({ kind: 'paragraph', inlines: [{ kind: 'text', text: String(t.raw).trim() }] });
      }
    }
  };

  const noteHeading = (n: Note): void => {
    if (bundle.notes.length > 1 || bundle.articles.length)
      blocks.push({ kind: 'heading', level: 1, inlines: [{ kind: 'text', text: n.title || 'Untitled note' }] });
  };
  for (const n of bundle.notes) {
    noteHeading(n);
    walk(marked.lexer(stripLeadingTitle(n.body, n.title)));
  }
  // Articles in scope: their highlights, each cited (the notes attached to them came in above).
  for (const { meta } of bundle.articles) {
    const highlights = bundle.passages
      .filter((p) => p.articleId === meta.id)
      .sort((x, y) => x.position.start - y.position.start);
    if (!highlights.length) continue;
    reportMissing(meta);
    blocks.push({ kind: 'heading', level: 1, inlines: [{ kind: 'text', text: `Highlights: ${meta.title}` }] });
    for (const p of highlights)
      blocks.push({
        kind: 'quote',
        inlines: [{ kind: 'text', text: `“${p.quote.exact.replace(/\s+/g, ' ').trim()}”` }, ...citationOf(p)],
      });
  }

  return {
    title,
    styleId,
    note: f.note,
    blocks,
    footnotes,
    bibliographyTitle: bibliographyTitle(styleId),
    bibliography: f.bibliography(),
    problems,
  };
}

function walkLinks(t: Token, fn: (href: string) => void): void {
  if (t.type === 'link') fn((t as Tokens.Link).href);
  const children = (t as { tokens?: Token[] }).tokens ?? [];
  for (const c of children) walkLinks(c, fn);
  for (const item of (t as Tokens.List).items ?? []) walkLinks(item, fn);
}

/** A note whose body starts with its own title as a heading would show the title twice. */
function stripLeadingTitle(body: string, title: string): string {
  const m = body.match(/^\s*#\s+(.+)\n/);
  return m && m[1]!.trim() === title.trim() ? body.slice(m[0].length) : body;
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** CSL's HTML (only <i>, <b>, <sup>, <sub>, <span style=...> and entities) as marked runs. */
export function cslRuns(
  html: string,
): Array<{ text: string; italic?: boolean; bold?: boolean; sup?: boolean; sub?: boolean }> {
  const runs: Array<{ text: string; italic?: boolean; bold?: boolean; sup?: boolean; sub?: boolean }> = [];
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)(\w+)[^>]*>|([^<]+)/g)) {
    if (m[3] !== undefined) {
      const text = decode(
        m[3]
          .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
          .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
          .replace(/&nbsp;/g, '\u00a0'),
      );
      if (!text) continue;
      runs.push({
        text,
        italic: stack.includes('i') || stack.includes('em') || undefined,
        bold: stack.includes('b') || stack.includes('strong') || undefined,
        sup: stack.includes('sup') || undefined,
        sub: stack.includes('sub') || undefined,
      });
    } else if (m[1]) {
      const i = stack.lastIndexOf(m[2]!.toLowerCase());
      if (i >= 0) stack.splice(i, 1);
    } else if (!/^(?:br|hr|img)$/i.test(m[2]!)) stack.push(m[2]!.toLowerCase());
  }
  return runs;
}
