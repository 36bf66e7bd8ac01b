// Structure from unmarked plain text (copied news articles are the hard case):
// paragraphs, headline, byline, dateline, outlet, and boilerplate set aside.
import { classifyBlocks, looksLikeLeadCaption } from './boilerplate.js';
import { type Block, assemble, tidyLines } from './canonical.js';
import { detectOutlet } from './outlet.js';
import { looksLikeByline, looksLikeHeadline, parseDateline, titleFromFileName } from './title-rules.js';
import type { ExtractedArticle } from './types.js';

/** Lines of a hard-wrapped paragraph are long and similar; short lines are a list or verse. */
function joinWrappedLines(block: string): string {
  const lines = block.split('\n');
  if (lines.length < 2) return block;
  const wrapped = lines.slice(0, -1).every((l) => l.length >= 50 && l.length <= 100 && !/[.!?:"”]$/.test(l));
  return wrapped ? lines.join(' ') : block;
}

/** Splits text into paragraph blocks: blank lines separate them; without any, each line is one. */
export function splitParagraphs(text: string): string[] {
  const tidy = tidyLines(text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n'));
  if (!tidy) return [];
  const blocks = /\n\n/.test(tidy) ? tidy.split(/\n\n+/) : tidy.split('\n');
  return blocks.map(joinWrappedLines).filter(Boolean);
}

export interface PlainTextStructure {
  title: string;
  author: string;
  published: string | null;
  source: string;
  text: string;
  removed: ExtractedArticle['removed'];
}

/** How far down the headline, byline and dateline may sit. */
const HEAD_BLOCKS = 6;

/**
 * Finds the structure of a plain-text article. `knownTitle` (from front matter or a
 * JSON field) skips headline detection but still drops a repeated headline line.
 */
export function structurePlainText(text: string, name: string, knownTitle?: string): PlainTextStructure {
  const paragraphs = splitParagraphs(text);
  const decisions = classifyBlocks(paragraphs);
  const blocks: Block[] = decisions.map((d) => ({ text: d.text, reason: d.reason }));
  let title = knownTitle?.trim() ?? '';
  let titleIndex = -1;
  let author = '';
  let published: string | null = null;

  for (let i = 0; i < Math.min(blocks.length, HEAD_BLOCKS); i++) {
    const b = blocks[i]!;
    if (b.reason) continue;
    const byline: string | null = author ? null : looksLikeByline(b.text);
    if (byline) {
      author = byline;
      b.reason = 'byline (kept as the author)';
      continue;
    }
    const date: string | null = published ? null : parseDateline(b.text);
    if (date) {
      published = date;
      b.reason = 'dateline (kept as the date)';
      continue;
    }
    if (titleIndex >= 0) continue;
    if (title) {
      // A title given from outside: drop its repetition at the top of the text.
      if (b.text.replace(/\s+/g, ' ').toLowerCase() === title.replace(/\s+/g, ' ').toLowerCase()) titleIndex = i;
      else break;
    } else if (looksLikeHeadline(b.text) && i + 1 < blocks.length) {
      title = b.text;
      titleIndex = i;
    } else {
      break; // the first real block is a paragraph: no headline in this text
    }
  }
  // Captions pasted under the headline, before the lead paragraph.
  let seen = 0;
  for (let i = titleIndex + 1; i < blocks.length && seen < 2; i++) {
    const b = blocks[i]!;
    if (b.reason) continue;
    seen++;
    if (looksLikeLeadCaption(b.text)) b.reason = 'photo caption';
  }
  const body = blocks.filter((_, i) => i !== titleIndex);
  const { text: canonical, removed } = assemble(body);
  return {
    title: title || titleFromFileName(name),
    author,
    published,
    source: detectOutlet(
      blocks
        .filter((b) => b.reason)
        .map((b) => b.text)
        .join('\n\n'),
      blocks
        .filter((b) => !b.reason)
        .map((b) => b.text)
        .join('\n\n'),
    ),
    text: canonical,
    removed,
  };
}
