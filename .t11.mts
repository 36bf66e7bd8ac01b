import { readFileSync } from 'node:fs';
import { findNearDuplicate, textFingerprint } from './electron/core/import/near-duplicate.js';
const rows = readFileSync('/work/shared/datasets/news/bbc/bbc.jsonl','utf8').split('\n').filter(Boolean).map(l=>JSON.parse(l));
const seen: any[] = []; const exact = new Map<string,string>();
for (const r of rows) {
  const key = r.text.replace(/\s+/g,' ').trim();
  const fp = textFingerprint(r.text);
  const hit = findNearDuplicate(r.text, seen, { fingerprint: fp, threshold: 0.3 });
  if (hit && !exact.has(key)) { const o = rows.find(x=>x.id===hit.id); console.log(hit.similarity.toFixed(2), r.id, r.title, '||', o.id, o.title, r.text.length, o.text.length); }
  exact.set(key, r.id); seen.push({ id: r.id, fingerprint: fp });
}
