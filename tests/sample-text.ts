// The sample articles (tests/fixtures) as canonical texts, the way the importer
// stores plain text: paragraphs split on blank lines, trimmed, joined by "\n\n".
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const FIXTURES = path.resolve(import.meta.dirname, 'fixtures');

export function canonicalSample(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8')
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .join('\n\n');
}
