// Citation styles: the built-in ones (CSL files from the Citation Style Language project, in
// resources/csl with their licence) and the user's own .csl files, kept in the library's settings
// so they travel with backups.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CoreError } from '../errors.js';
import type { CitationStyleInfo, UserStyle } from './api.js';

export const BUILT_IN_STYLES: ReadonlyArray<{ id: string; file: string; label: string }> = [
  { id: 'apa', file: 'apa.csl', label: 'APA 7th edition' },
  { id: 'chicago-author-date', file: 'chicago-author-date.csl', label: 'Chicago (author-date)' },
  { id: 'chicago-notes', file: 'chicago-notes-bibliography.csl', label: 'Chicago (notes and bibliography)' },
  { id: 'mla', file: 'modern-language-association.csl', label: 'MLA 9th edition' },
  { id: 'harvard', file: 'harvard-cite-them-right.csl', label: 'Harvard (Cite Them Right)' },
  { id: 'ieee', file: 'ieee.csl', label: 'IEEE' },
  { id: 'vancouver', file: 'vancouver.csl', label: 'Vancouver (NLM)' },
];

export const USER_STYLES_SETTING = 'citationStyles';

export type { UserStyle };

/** A citation style that cannot be used as given; `message` is for the user. */
export class CitationStyleError extends CoreError<'invalid' | 'not-found'> {
  constructor(message: string, code: 'invalid' | 'not-found' = 'invalid') {
    super(message, code);
    this.name = 'CitationStyleError';
  }
}

let cslDir: string | null = null;
/** resources/csl beside the app's package.json, from the sources, the bundles or app.asar. */
export function builtInStyleDir(): string {
  if (cslDir) return cslDir;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'resources', 'csl');
    if (existsSync(path.join(candidate, 'apa.csl'))) return (cslDir = candidate);
    dir = path.dirname(dir);
  }
  throw new CitationStyleError('The citation styles that come with Scholia (resources/csl) are missing.', 'not-found');
}

const cache = new Map<string, string>();
function readBuiltIn(file: string): string {
  let xml = cache.get(file);
  if (xml === undefined) {
    xml = readFileSync(path.join(builtInStyleDir(), file), 'utf8');
    cache.set(file, xml);
  }
  return xml;
}

export function localeXml(): string {
  return readBuiltIn('locales-en-US.xml');
}

/** A style's title and class, read from its XML; throws when it is not an independent CSL style. */
export function inspectStyle(xml: string): { title: string; note: boolean } {
  if (!/<style\b[^>]*xmlns="http:\/\/purl\.org\/net\/xbiblio\/csl"/.test(xml))
    throw new CitationStyleError('This is not a CSL style (no <style xmlns="http://purl.org/net/xbiblio/csl">).');
  if (/<link\b[^>]*rel="independent-parent"/.test(xml) && !/<citation\b/.test(xml))
    throw new CitationStyleError(
      'This is a dependent CSL style (it only names its parent style): add the parent style it links to instead.',
    );
  if (!/<citation\b/.test(xml) || !/<bibliography\b/.test(xml))
    throw new CitationStyleError('This CSL style has no <citation> or no <bibliography>: Scholia needs both.');
  const title = (xml.match(/<title>([^<]{1,200})<\/title>/)?.[1] ?? 'Untitled style').trim();
  const note = /<style\b[^>]*class="note"/.test(xml);
  return { title: title.replace(/&amp;/g, '&'), note };
}

export function listStyles(user: readonly UserStyle[]): CitationStyleInfo[] {
  return [
    ...BUILT_IN_STYLES.map((s) => ({
      id: s.id,
      title: s.label,
      builtIn: true,
      note: inspectStyle(readBuiltIn(s.file)).note,
    })),
    ...user.map((u) => ({ id: u.id, title: u.title, builtIn: false, note: inspectStyle(u.xml).note })),
  ];
}

/** The XML of a style by id (built-in or the user's). */
export function styleXml(id: string, user: readonly UserStyle[]): string {
  const b = BUILT_IN_STYLES.find((s) => s.id === id);
  if (b) return readBuiltIn(b.file);
  const u = user.find((s) => s.id === id);
  if (u) return u.xml;
  throw new CitationStyleError(
    `No citation style "${id}" (known: ${[...BUILT_IN_STYLES.map((s) => s.id), ...user.map((s) => s.id)].join(', ')}).`,
    'not-found',
  );
}

/** The id a user style gets from its file name: "My Journal.csl" → "user-my-journal". */
export function userStyleId(fileName: string): string {
  const stem = (fileName.split(/[\\/]/).pop() ?? fileName)
    .replace(/\.csl$/i, '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `user-${stem || 'style'}`;
}
