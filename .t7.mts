import { readFileSync } from 'node:fs';
import { structurePlainText } from './electron/core/import/plain-text.js';
import { matchedSignals } from "./electron/core/import/boilerplate.js";
let arts=0, paras=0, removed=0, titleBad=0, sources = new Map<string, number>();
const ex: string[] = [];
for (const f of ['news/bbc/bbc.jsonl','news/basil/articles.jsonl']) {
  for (const line of readFileSync('/work/shared/datasets/'+f,'utf8').split('\n').filter(Boolean)) {
    const a = JSON.parse(line); arts++;
    const title = a.title.trim();
    const s = structurePlainText(title + '\n\n' + a.text, 'x.txt');
    paras += a.text.split(/\n\n+/).length;
    removed += s.removed.length;
    if (s.title !== title) { titleBad++; if (titleBad < 6) ex.push('TITLE ' + JSON.stringify([title, s.title])); }
    for (const r of s.removed) ex.push(r.reason + " | " + r.text.slice(0, 150) + " || " + matchedSignals(r.text).join(" ; "));
    if (s.source) sources.set(s.source, (sources.get(s.source) ?? 0) + 1);
  }
}
console.log({arts, paras, removed, titleBad}, sources);
console.log(ex.slice(0,80).join('\n'));
