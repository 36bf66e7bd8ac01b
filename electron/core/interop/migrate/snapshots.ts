// Snapshots a reference manager exported beside its BibTeX or RIS file (Zotero's
// "Export Files": `file = {Snapshot:files/12/page.html:text/html}`, RIS `L1  - files/12/page.html`).
// Read from disk by the caller that has the file's path (CLI, desktop), only HTML or
// text files inside the export's folder (after symlinks), each and all within limits.
import { promises as fs } from 'node:fs';
import path from 'node:path';

export const MAX_SNAPSHOT_BYTES = 10 * 1024 * 1024;
export const MAX_SNAPSHOTS_BYTES = 200 * 1024 * 1024;
const SNAPSHOT_FILE = /\.(?:html?|xhtml|txt|md)$/i;

/** BibTeX `file` fields: "Description:path:mime;Description:path:mime" (colons in paths escaped as "\:"). */
export function bibtexFilePaths(field: string): string[] {
  return field
    .split(/(?<!\\);/)
    .map((part) => {
      const pieces = part.split(/(?<!\\):/).map((p) => p.replace(/\\([:;\\])/g, '$1').trim());
      // "path" alone, "desc:path" or "desc:path:mime".
      return pieces.length >= 2 ? pieces[1]! : pieces[0]!;
    })
    .filter((p) => SNAPSHOT_FILE.test(p));
}

/** RIS L1/L2/L4 values that name a local snapshot ("files/12/page.html", "file:///…/page.html"). */
export function risFilePaths(values: string[]): string[] {
  return values
    .map((v) => (v.startsWith('file://') ? decodeURIComponent(v.replace(/^file:\/\//, '')) : v))
    .filter((p) => !/^https?:/i.test(p) && SNAPSHOT_FILE.test(p));
}

/** The snapshot paths a reference file names, for readSnapshots (text scan, no parsing). */
export function snapshotReferences(text: string, kind: 'bibtex' | 'ris'): string[] {
  const found = new Set<string>();
  if (kind === 'bibtex') {
    for (const m of text.matchAll(/\bfile\s*=\s*[{"]([^}"]*)[}"]/gi))
      for (const p of bibtexFilePaths(m[1]!)) found.add(p);
  } else {
    for (const m of text.matchAll(/^L[124] {2}- (.+)$/gm)) for (const p of risFilePaths([m[1]!.trim()])) found.add(p);
  }
  return [...found];
}

/** Reads the named snapshots inside `file`'s folder; missing or refused ones are left out. */
export async function readSnapshots(file: string, refs: string[]): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  if (refs.length === 0) return out;
  let dir: string;
  try {
    dir = await fs.realpath(path.dirname(file));
  } catch {
    return out;
  }
  let total = 0;
  for (const ref of refs) {
    try {
      const real = await fs.realpath(path.resolve(dir, ref));
      if (!real.startsWith(dir + path.sep)) continue;
      const st = await fs.stat(real);
      if (!st.isFile() || st.size > MAX_SNAPSHOT_BYTES || total + st.size > MAX_SNAPSHOTS_BYTES) continue;
      out[ref] = new Uint8Array(await fs.readFile(real));
      total += st.size;
    } catch {
      // Not exported with the file: the reference is fetched from its link instead.
    }
  }
  return out;
}
