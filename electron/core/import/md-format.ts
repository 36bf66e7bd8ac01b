// Markdown files (.md): YAML front matter for metadata, the first "# heading" as
// title when the front matter has none, marked for the reader HTML (sanitised),
// and the rendered paragraphs as canonical text (plain, without Markdown syntax).
import { articleUrl } from './url.js';
import { marked } from 'marked';
import YAML from 'yaml';
import { decodeBytes } from './decode.js';
import { fragmentContent } from './html-format.js';
import { normaliseDate } from './html-meta.js';
import { titleFromFileName } from './title-rules.js';
import { ImportError, type ImportFormat, type ImportInput } from './types.js';

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
}

/** Splits `---\nyaml\n---\nbody`; a document without front matter has empty data. */
export function splitFrontMatter(text: string, name: string): FrontMatter {
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { data: {}, body: text };
  let data: unknown;
  try {
    data = YAML.parse(m[1]!);
  } catch (err) {
    throw new ImportError(
      `${name}: its front matter (between the --- lines) is not valid YAML: ${(err as Error).message.split('\n')[0]}`,
    );
  }
  return {
    data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
    body: text.slice(m[0].length),
  };
}

export function asString(v: unknown): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  if (v instanceof Date) return v.toISOString();
  return '';
}

/** A byline, or a list of names (Obsidian's Web Clipper writes `author: ["[[Jane Roe]]"]`). */
function asAuthors(v: unknown): string {
  if (!Array.isArray(v)) return asString(v);
  return v
    .map((a) => asString(a).replace(/^\[\[([^\]|]+)(?:\|[^\]]*)?\]\]$/, '$1'))
    .filter(Boolean)
    .join('; ');
}

function isLink(v: unknown): boolean {
  return typeof v === 'string' && /^https?:\/\//i.test(v.trim());
}

export function asTags(v: unknown): string[] {
  const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[,;]/) : [];
  return [...new Set(list.map((t) => asString(t).replace(/^#/, '')).filter(Boolean))];
}

export const mdFormat: ImportFormat = {
  id: 'md',
  extensions: ['md', 'markdown', 'mdown', 'mkd'],
  accepts(input: ImportInput) {
    return /\.(?:md|markdown|mdown|mkd)$/i.test(input.name) || /^text\/(?:x-)?markdown/i.test(input.mime ?? '');
  },
  async extract(input) {
    const { text: raw } = decodeBytes(input.bytes, input.name, { mime: input.mime });
    const source = raw.replace(/\r\n?/g, '\n');
    const { data, body } = splitFrontMatter(source, input.name);
    let markdown = body;
    let title = asString(data.title);
    if (!title) {
      // The first ATX heading (before any paragraph) is the document's title.
      const h = /^\s*#\s+(.+?)\s*#*\s*$/m.exec(markdown);
      if (h && !markdown.slice(0, h.index).trim()) {
        title = h[1]!.trim();
        markdown = markdown.slice(h.index + h[0].length);
      }
    }
    title ||= titleFromFileName(input.name);
    const html = await marked.parse(markdown, { gfm: true, async: true });
    const content = fragmentContent(html, title, input.name, { baseUrl: input.url, assets: input.assets });
    if (!content.text && content.removed.length === 0 && !title) throw new ImportError(`${input.name} holds no text.`);
    return {
      articles: [
        {
          title,
          // Obsidian's Web Clipper and Joplin write the page's address as `source`: a link, not an outlet.
          source: isLink(data.source)
            ? asString(data.site ?? data.publisher)
            : asString(data.source ?? data.site ?? data.publisher),
          author: asAuthors(data.author ?? data.authors ?? data.byline),
          published: normaliseDate(asString(data.date ?? data.published)),
          url:
            articleUrl(
              asString(data.url ?? data.link ?? data.source_url ?? (isLink(data.source) ? data.source : undefined)) ||
                (input.url ?? ''),
            ) ?? '',
          lang: asString(data.lang ?? data.language),
          tags: asTags(data.tags ?? data.keywords),
          ...content,
          original: raw,
          format: 'md',
        },
      ],
      failures: [],
    };
  },
};
