import { readFileSync } from 'node:fs';
import { readLayout } from '../electron/core/import/pdf/extract.js';
import { readPdf } from '../electron/core/import/pdf/read-pdf.js';
const f = process.argv[2]!;
const bytes = new Uint8Array(readFileSync(f));
if (process.argv[3] === 'items') {
  const pdf = await readPdf(bytes, 'x');
  for (const it of pdf.pages[Number(process.argv[4] ?? 0)]!.items) console.log(JSON.stringify(it));
} else {
  const r = await readLayout(bytes, 'x');
  for (const b of r.text.blocks) console.log(`[${b.kind}${b.level ?? ''}] ${r.text.text.slice(b.start, b.end).slice(0, 140)}`);
  console.log(r.text.removed.map((x) => x.reason + ':' + x.text).join('\n'));
}
