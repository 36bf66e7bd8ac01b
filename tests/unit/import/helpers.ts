// Shared by the import tests: where the fixtures and the shared datasets are, and a
// way to restore removed blocks (what the reader's "restore" does).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RemovedBlock } from '../../../electron/core/model.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');
export const fixtures = path.join(repoRoot, 'tests/fixtures');
export const sharedDatasets = path.resolve(repoRoot, '../shared/datasets');
export const hasShared = existsSync(sharedDatasets);

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(fixtures, name)));
}

export function fixtureParagraphs(name: string): string[] {
  return readFileSync(path.join(fixtures, name), 'utf8')
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * Puts every removed block back where it stood (what the reader's "restore" does):
 * returns the paragraphs in their original order. A block's `at` is the offset of the
 * paragraph it preceded, or the text's length when it came last.
 */
export function restoreAll(text: string, removed: RemovedBlock[]): string[] {
  const parts: { at: number; rank: number; text: string }[] = [];
  let offset = 0;
  for (const p of text ? text.split('\n\n') : []) {
    parts.push({ at: offset, rank: removed.length, text: p });
    offset += p.length + 2;
  }
  removed.forEach((r, i) => parts.push({ at: r.at, rank: i, text: r.text }));
  parts.sort((a, b) => a.at - b.at || a.rank - b.rank);
  return parts.map((p) => p.text);
}

export function jsonlLines(rel: string, every = 1): Record<string, unknown>[] {
  const lines = readFileSync(path.join(sharedDatasets, rel), 'utf8').split('\n').filter(Boolean);
  return lines.filter((_, i) => i % every === 0).map((l) => JSON.parse(l) as Record<string, unknown>);
}
