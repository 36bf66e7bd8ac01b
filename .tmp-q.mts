import { SearchIndex } from './electron/core/search/engine.js';
import { parseQuery } from './electron/core/search/query.js';
import { makeSnippet } from './electron/core/search/snippet.js';
import { readFileSync } from 'node:fs';
const texts = readFileSync('/work/shared/datasets/news/bbc/bbc.jsonl','utf8').split('\n').filter(Boolean).map(l=>JSON.parse(l).text as string);
const ix=new SearchIndex();
let t=performance.now();
for (let r=0;r<4;r++) texts.forEach((x,i)=>ix.add({type:'article',id:r+'a'+i,title:'t',text:x,stamp:'1', tags: i%3?['ukraine']:[]}));
console.log('add', performance.now()-t, ix.size);
const qs=['government ','film award ','"prime minister" ','mobile phone comp','tag:ukraine after:2019 market ', 'market growth type:note -oil ', 'g', 'gov', 'economy growth rate '];
for (const q of qs){ let best=1e9, bs=1e9; for(let k=0;k<5;k++){const s=performance.now(); const out=ix.search(parseQuery(q),20); const m=performance.now(); for(const h of out.hits) makeSnippet(texts[Number(h.doc.id.split('a')[1])]!, out.terms); const e=performance.now(); best=Math.min(best,m-s); bs=Math.min(bs,e-m);} console.log(q.padEnd(30), best.toFixed(2), bs.toFixed(2)); }
