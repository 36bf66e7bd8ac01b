// RIS (Zotero, EndNote, Mendeley, most publishers): lines "TAG  - value", each
// reference from "TY  - " to "ER  - ". TI/T1 title, AU/A1 authors, PY/DA/Y1 date,
// T2/JO/JF container, UR link, DO DOI, KW keywords, AB/N2 abstract.
import { personList, referenceItem } from './reference.js';
import { risFilePaths } from './snapshots.js';
import { decodeUtf8, httpUrl, isoDate } from './text.js';
import { type MigratedItem, type MigrationFormat, MAX_ITEMS_PER_FILE, MigrationError } from './types.js';

export const RIS_START = /^\s*TY {2}- /;

function risDate(v: string): string | null {
  // "2020/05/17/", "2020///", "2020-05-17"
  const m = /^(\d{4})(?:[/-](\d{1,2})?(?:[/-](\d{1,2})?)?)?/.exec(v.trim());
  if (!m) return isoDate(v);
  const [, y, mo, d] = m;
  if (!mo) return `${y}-01-01`;
  return `${y}-${mo.padStart(2, '0')}-${(d || '1').padStart(2, '0')}`;
}

export const risFile: MigrationFormat = {
  id: 'ris',
  app: 'RIS',
  read(bytes, name, files) {
    const lines = decodeUtf8(bytes, name).replace(/\r\n?/g, '\n').split('\n');
    const refs: Array<Map<string, string[]>> = [];
    let cur: Map<string, string[]> | null = null;
    let lastTag = '';
    lines.forEach((line) => {
      const m = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/.exec(line);
      if (!m) {
        // A continuation of the previous field's value (long abstracts wrap).
        if (cur && lastTag && line.trim()) cur.get(lastTag)!.push(`${cur.get(lastTag)!.pop() ?? ''} ${line.trim()}`);
        return;
      }
      const [, tag, value = ''] = m;
      if (tag === 'TY') {
        cur = new Map([['TY', [value.trim()]]]);
        refs.push(cur);
      } else if (tag === 'ER') cur = null;
      else if (cur) {
        const list = cur.get(tag!) ?? [];
        list.push(value.trim());
        cur.set(tag!, list);
      }
      lastTag = tag!;
    });
    if (refs.length === 0) throw new MigrationError(`${name} holds no RIS references (none starts with "TY  - ").`);
    if (refs.length > MAX_ITEMS_PER_FILE)
      throw new MigrationError(`${name} has more than ${MAX_ITEMS_PER_FILE} references; split it.`);
    const items: MigratedItem[] = [];
    const warnings: string[] = [];
    refs.forEach((r, i) => {
      const one = (...tags: string[]) => tags.map((t) => r.get(t)?.[0] ?? '').find(Boolean) ?? '';
      const all = (...tags: string[]) => tags.flatMap((t) => r.get(t) ?? []).filter(Boolean);
      const people = all('AU', 'A1').map((a) => {
        const [family, given] = a.split(/,\s*/, 2);
        return given ? { family, given } : { literal: a };
      });
      const item = referenceItem(
        {
          where: `reference ${i + 1}`,
          title: one('TI', 'T1', 'CT', 'BT'),
          author: personList(people),
          container: one('T2', 'JO', 'JF', 'JA', 'PB'),
          published: risDate(one('PY', 'DA', 'Y1')),
          url: all('UR').map(httpUrl).find(Boolean) ?? '',
          doi: one('DO'),
          tags: [...new Set(all('KW'))],
          abstract: one('AB', 'N2'),
          snapshots: risFilePaths(all('L1', 'L2', 'L4')),
        },
        warnings,
        files,
      );
      if (item) items.push(item);
    });
    return { app: 'RIS', items, warnings };
  },
};
