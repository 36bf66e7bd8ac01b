import { readFileSync } from 'node:fs';
import { readPages } from '../electron/core/import/pdf/layout.js';
import { readPdf } from '../electron/core/import/pdf/read-pdf.js';
const pdf = await readPdf(new Uint8Array(readFileSync(process.argv[2]!)), 'x');
const { lines } = readPages(pdf.pages);
for (const l of lines) if (!process.argv[3] || l.text.includes(process.argv[3]) || l.page === Number(process.argv[4])) console.log(l.page, l.column, l.size.toFixed(2), l.y.toFixed(1), l.x0.toFixed(1), l.mark ? 'M' : ' ', l.text.slice(0, 70));
import { footnoteLines } from '../electron/core/import/pdf/paragraphs.js';
const n = footnoteLines(lines, 9.49);
lines.forEach((l, i) => { if (n[i]) console.log('NOTE', l.page, l.column, l.text.slice(0, 60)); });
