// A bibliographic reference (CSL-JSON, BibTeX, RIS) as a migrated item: with a link
// it waits to be fetched (its metadata kept for the article); with only an abstract
// it becomes an article of its abstract; with neither there is nothing to keep.
import type { MigratedItem } from './types.js';

export interface Reference {
  where: string;
  title: string;
  /** "Family, Given; Family, Given" (the byline form citations read back). */
  author: string;
  container: string;
  published: string | null;
  url: string;
  doi: string;
  tags: string[];
  abstract: string;
  /** Local snapshot files the reference names (relative to the export), in order of preference. */
  snapshots?: string[];
}

const decoder = new TextDecoder('utf-8');

/** DOIs are links too: a reference with a DOI and no URL is fetched from doi.org. */
export function doiUrl(doi: string): string {
  const d = doi.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i, '');
  return /^10\.\d{4,9}\/\S+$/.test(d) ? `https://doi.org/${encodeURI(d)}` : '';
}

export function referenceItem(
  r: Reference,
  warnings: string[],
  files: Record<string, Uint8Array> = {},
): MigratedItem | null {
  const url = r.url || doiUrl(r.doi);
  const base: MigratedItem = {
    where: r.where,
    title: r.title || url || r.where,
    url,
    tags: r.tags,
    savedAt: null,
    author: r.author,
    source: r.container,
    published: r.published,
    read: false,
    archived: false,
    highlights: [],
  };
  const named = r.snapshots ?? [];
  const snapshot = named.find((p) => files[p]);
  if (snapshot) {
    const kind = /\.html?$|\.xhtml$/i.test(snapshot) ? 'html' : /\.md$/i.test(snapshot) ? 'md' : 'txt';
    return { ...base, content: { kind, text: decoder.decode(files[snapshot]) } };
  }
  if (named.length) {
    warnings.push(
      `${r.where}: its snapshot (${named[0]}) was not with the file${url ? '; it will be fetched from its link instead' : ''}. Import the exported folder's file from disk (scholia import) to bring snapshots.`,
    );
  }
  if (url) return base;
  if (r.abstract) return { ...base, content: { kind: 'txt', text: `${r.title}\n\n${r.abstract}` } };
  warnings.push(`${r.where} ("${r.title.slice(0, 80)}"): no link, DOI, abstract or snapshot; nothing to import.`);
  return null;
}

export function personList(people: Array<{ family?: string; given?: string; literal?: string }>): string {
  return people
    .map((p) => (p.literal ? p.literal : [p.family, p.given].filter(Boolean).join(', ')))
    .filter(Boolean)
    .join('; ')
    .normalize('NFC');
}
