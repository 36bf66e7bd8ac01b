// Real article texts (tests/fixtures) turned into store records for the store tests.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleBody, ArticleMeta, Note, Passage } from '../../../electron/core/model.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');
export const TEXTS = [
  readFileSync(path.join(fixtures, 'rferl-blinken-iranian-drones.txt'), 'utf8'),
  readFileSync(path.join(fixtures, 'moscow-times-blinken-iranian-drones.txt'), 'utf8'),
];

const dirs: string[] = [];
export function tempLibrary(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'scholia-store-'));
  dirs.push(d);
  return path.join(d, 'library');
}
export function cleanup(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

const T = '2026-01-02T03:04:05.000Z';

export function article(id: string, which = 0): { meta: ArticleMeta; body: ArticleBody } {
  const text = TEXTS[which % TEXTS.length]!;
  const title = text.split('\n')[0]!;
  return {
    meta: {
      id,
      title,
      source: which % 2 ? 'The Moscow Times' : 'RFE/RL',
      author: '',
      published: '2022-10-25',
      url: '',
      lang: 'en',
      tags: ['ukraine/drones'],
      words: text.split(/\s+/).length,
      format: 'txt',
      origin: 'fixture.txt',
      contentHash: `h-${id}`,
      addedAt: T,
      updatedAt: T,
    },
    body: { id, text, removed: [], original: text, html: '' },
  };
}

export function passage(id: string, articleId: string, which = 0): Passage {
  const text = TEXTS[which % TEXTS.length]!;
  const start = text.indexOf('Blinken');
  return passageAt(id, articleId, text, start, start + 40);
}

/** An anchored passage over text[start, end), with its quote and context. */
export function passageAt(
  id: string,
  articleId: string,
  text: string,
  start: number,
  end: number,
  extra: Partial<Passage> = {},
): Passage {
  return {
    id,
    articleId,
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(end, end + 32),
    },
    position: { type: 'TextPositionSelector', start, end },
    state: 'anchored',
    color: 'yellow',
    tags: [],
    createdAt: T,
    updatedAt: T,
    ...extra,
  };
}

export function note(id: string, body: string, articleId: string | null = null): Note {
  return {
    id,
    title: body.split('\n')[0]!.replace(/^#+\s*/, '') || 'Untitled',
    articleId,
    tags: [],
    body,
    createdAt: T,
    updatedAt: T,
  };
}
