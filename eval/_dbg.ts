import { readFileSync } from 'node:fs';
import { anchor, describe } from '../electron/core/anchor/anchoring.js';
import { mutate } from './mutate.js';
const arts = new Map(readFileSync('../shared/datasets/news/basil/articles.jsonl','utf8').trim().split('\n').map(l=>JSON.parse(l)).map(a=>[a.id,a.text]));
const anns = readFileSync('../shared/datasets/news/basil/annotations.jsonl','utf8').trim().split('\n').map(l=>JSON.parse(l)).filter(a=>a.text_start!==null && arts.get(a.article_id)?.slice(a.text_start,a.text_end)===a.exact);
const ids=[...new Set(anns.map(a=>a.article_id))].sort();
let seed=1;
for (const id of ids) {
  const s=seed++;
  if (!process.argv.slice(2).includes(id)) continue;
  const text=arts.get(id)!; const spans=anns.filter(a=>a.article_id===id).map(a=>({start:a.text_start,end:a.text_end}));
  const m=mutate(text,spans,s);
  console.log(m.edits, spans);
  spans.forEach((sp,i)=>{ const sel=describe(text,sp.start,sp.end); const r=anchor(m.text,sel); const t=m.truths[i];
    if (!t || !r || r.start!==t.start) { console.log(JSON.stringify(sel.quote.exact), t, r); }});
}
