// Writes tests/fixtures/pdf/paper.pdf and paper.json (what was printed, piece by piece, and as
// what): the first paper `npm run eval:pdf` prints from the Cranfield collection, and
// paper-groff.pdf, the same paper typeset by groff (needs gropdf). Run with
// `npx tsx eval/pdf-paper-fixture.ts` when the paper layout changes; the unit tests read them.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cranfieldPapers, paperParts, printPaperGroff, printPapers } from './pdf-paper.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../tests/fixtures/pdf');
const [paper] = cranfieldPapers(path.resolve(here, '../../shared/datasets/ir/cranfield/docs.jsonl'), 1);
const [bytes] = await printPapers([paper!]);
writeFileSync(path.join(out, 'paper.pdf'), bytes!);
writeFileSync(path.join(out, 'paper.json'), `${JSON.stringify(paperParts(paper!), null, 1)}\n`);
console.log(`paper.pdf (${bytes!.length} bytes) and paper.json written to ${out}`);
const groff = printPaperGroff(paper!);
if (groff) writeFileSync(path.join(out, 'paper-groff.pdf'), groff);
console.log(
  groff ? `paper-groff.pdf (${groff.length} bytes)` : 'paper-groff.pdf not written: groff cannot write PDF here',
);
