// Picks the import format for an input and extracts its articles.
// (First version: plain text only; the import room replaces this with one module per format.)
import { createHash } from 'node:crypto';
import { type ExtractedArticle, type ImportInput, ImportError } from './types.js';

export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 32);
}

export async function extractArticles(input: ImportInput): Promise<ExtractedArticle[]> {
  if (input.bytes.length === 0) throw new ImportError(`${input.name} is empty`);
  const original = new TextDecoder('utf-8').decode(input.bytes);
  const paragraphs = original
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const [title = input.name, ...rest] = paragraphs;
  return [
    {
      title,
      source: '',
      author: '',
      published: null,
      url: input.url ?? '',
      lang: '',
      tags: [],
      text: rest.join('\n\n'),
      removed: [],
      original,
      html: '',
      format: 'txt',
    },
  ];
}
