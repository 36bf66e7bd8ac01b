// JSON Lines (.jsonl): one article per line, {title, text | html, url, source,
// published, author, tags}. A bad line is reported with its number and reason; the
// good lines still import.
import { articleUrl } from './url.js';
import { extractHtml, fragmentContent } from './html-format.js';
import { normaliseDate } from './html-meta.js';
import { asString, asTags } from './md-format.js';
import { structurePlainText } from './plain-text.js';
import {
  type ExtractedArticle,
  type ExtractionFailure,
  ImportError,
  type ImportFormat,
  type ImportInput,
} from './types.js';
import { decodeBytes } from './decode.js';

function lineArticle(obj: Record<string, unknown>, where: string): ExtractedArticle {
  const title = asString(obj.title);
  const text = typeof obj.text === 'string' ? obj.text : '';
  const html = typeof obj.html === 'string' ? obj.html : '';
  if (!text.trim() && !html.trim()) throw new ImportError('has neither a "text" nor an "html" field with content');
  const given = {
    source: asString(obj.source),
    author: asString(obj.author),
    url: articleUrl(asString(obj.url)) ?? '',
    published: normaliseDate(asString(obj.published ?? obj.date)),
    tags: asTags(obj.tags),
    lang: asString(obj.lang),
  };
  const original = JSON.stringify(obj);
  if (html.trim()) {
    // A whole saved page goes through Readability; a fragment is the article itself.
    const page = /<html[\s>]|<body[\s>]/i.test(html) ? extractHtml(html, where, given.url || undefined) : null;
    const content = page ?? {
      title,
      ...fragmentContent(html, title, where),
      source: '',
      author: '',
      published: null,
      url: '',
      lang: '',
    };
    return {
      title: title || content.title || where,
      source: given.source || content.source,
      author: given.author || content.author,
      published: given.published ?? content.published,
      url: given.url || content.url,
      lang: given.lang || content.lang,
      tags: given.tags,
      text: content.text,
      removed: content.removed,
      html: content.html,
      original,
      format: 'jsonl',
    };
  }
  const s = structurePlainText(text, where, title || undefined);
  return {
    title: s.title,
    source: given.source || s.source,
    author: given.author || s.author,
    published: given.published ?? s.published,
    url: given.url,
    lang: given.lang,
    tags: given.tags,
    text: s.text,
    removed: s.removed,
    html: '',
    original,
    format: 'jsonl',
  };
}

export const jsonlFormat: ImportFormat = {
  id: 'jsonl',
  extensions: ['jsonl', 'ndjson'],
  accepts(input: ImportInput) {
    return (
      /\.(?:jsonl|ndjson)$/i.test(input.name) ||
      /^application\/(?:x-)?(?:jsonl|ndjson|jsonlines)/i.test(input.mime ?? '')
    );
  },
  async extract(input) {
    const { text } = decodeBytes(input.bytes, input.name, { mime: input.mime });
    const articles: ExtractedArticle[] = [];
    const failures: ExtractionFailure[] = [];
    const lines = text.split(/\r?\n/);
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      const where = `${input.name} line ${i + 1}`;
      let obj: unknown;
      try {
        obj = JSON.parse(line);
      } catch (err) {
        failures.push({ where, error: `not valid JSON (${(err as Error).message})` });
        return;
      }
      if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
        failures.push({ where, error: 'is not a JSON object ({"title": ..., "text": ...})' });
        return;
      }
      try {
        articles.push(lineArticle(obj as Record<string, unknown>, where));
      } catch (err) {
        failures.push({
          where,
          error: err instanceof ImportError ? err.message.replace(`${where} `, '') : (err as Error).message,
        });
      }
    });
    if (articles.length === 0) {
      const first = failures
        .slice(0, 3)
        .map((f) => `${f.where}: ${f.error}`)
        .join('; ');
      throw new ImportError(
        failures.length
          ? `${input.name}: none of its ${failures.length} line(s) could be imported (${first}${failures.length > 3 ? '; ...' : ''}).`
          : `${input.name} holds no articles (only blank lines).`,
      );
    }
    return { articles, failures };
  },
};
