// Keeps an article's structure (blocks, links, image places) true when its text
// changes after import (Edit text, Restore to text): each paragraph of the new text
// that is also a paragraph of the old one keeps what it was and its links; a new or
// changed paragraph is a plain paragraph. Offsets are never guessed across an edit.
import type { ArticleBody, TextBlock, TextLink } from '../model.js';
import { PARAGRAPH_SEPARATOR } from './canonical.js';

interface Para {
  start: number;
  text: string;
}

export function splitParagraphs(text: string): Para[] {
  const out: Para[] = [];
  let pos = 0;
  for (const part of text.split(PARAGRAPH_SEPARATOR)) {
    out.push({ start: pos, text: part });
    pos += part.length + PARAGRAPH_SEPARATOR.length;
  }
  return out;
}

/** The structure of `body` carried over to `newText`; empty keys when the body had none. */
export function carryStructure(
  body: Pick<ArticleBody, 'text' | 'blocks' | 'links'>,
  newText: string,
): Pick<ArticleBody, 'blocks' | 'links'> {
  if (!body.blocks?.length) return { blocks: body.blocks, links: body.links };
  const oldParas = splitParagraphs(body.text);
  const textBlocks = new Map<number, TextBlock>();
  const imagesBefore = new Map<number, TextBlock[]>();
  for (const b of body.blocks) {
    if (b.kind === 'image') {
      const list = imagesBefore.get(b.start) ?? [];
      list.push(b);
      imagesBefore.set(b.start, list);
    } else textBlocks.set(b.start, b);
  }
  // Old paragraphs by text, in order, so repeated paragraphs pair up in order.
  const byText = new Map<string, number[]>();
  oldParas.forEach((p, i) => {
    const list = byText.get(p.text) ?? [];
    list.push(i);
    byText.set(p.text, list);
  });
  const blocks: TextBlock[] = [];
  const links: TextLink[] = [];
  let cursor = 0;
  for (const p of splitParagraphs(newText)) {
    const candidates = byText.get(p.text);
    let k = candidates?.findIndex((i) => i >= cursor) ?? -1;
    if (candidates && k < 0 && candidates.length) k = 0;
    const oldIndex = k >= 0 ? candidates!.splice(k, 1)[0]! : -1;
    const end = p.start + p.text.length;
    if (oldIndex < 0) {
      if (p.text) blocks.push({ kind: 'paragraph', start: p.start, end });
      continue;
    }
    cursor = oldIndex + 1;
    const old = oldParas[oldIndex]!;
    const shift = p.start - old.start;
    for (const img of imagesBefore.get(old.start) ?? []) blocks.push({ ...img, start: p.start, end: p.start });
    const b = textBlocks.get(old.start);
    if (p.text)
      blocks.push(
        b && b.end === old.start + old.text.length
          ? { ...b, start: p.start, end }
          : { kind: 'paragraph', start: p.start, end },
      );
    for (const l of body.links ?? []) {
      if (l.start >= old.start && l.end <= old.start + old.text.length) {
        links.push({ ...l, start: l.start + shift, end: l.end + shift });
      }
    }
  }
  // Images after the last paragraph stay at the end.
  for (const img of imagesBefore.get(body.text.length) ?? []) {
    if (!oldParas.some((p) => p.start === body.text.length)) {
      blocks.push({ ...img, start: newText.length, end: newText.length });
    }
  }
  return { blocks, links };
}
