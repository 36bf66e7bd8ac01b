import { readFileSync } from 'node:fs';
import { readLayout } from '../electron/core/import/pdf/extract.js';
import { pageAt } from '../electron/core/pages.js';
const r = await readLayout(new Uint8Array(readFileSync(process.argv[2]!)), 'x');
const counts: Record<string, number> = {};
for (const b of r.text.blocks) {
  counts[b.kind] = (counts[b.kind] ?? 0) + 1;
  if (['footnote', 'caption', 'reference'].includes(b.kind))
    console.log(
      b.kind,
      pageAt(r.text.pages, b.start)?.index,
      JSON.stringify(r.text.text.slice(b.start, b.end).slice(0, 120)),
    );
}
console.log(counts);
