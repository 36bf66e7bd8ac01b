import { SearchIndex } from './electron/core/search/engine.js';
import { parseQuery } from './electron/core/search/query.js';
import { readFileSync } from 'node:fs';
const texts = readFileSync('/work/shared/datasets/news/bbc/bbc.jsonl','utf8').split('\n').filter(Boolean).map(l=>JSON.parse(l).text as string);
const ix=new SearchIndex();
for (let r=0;r<4;r++) texts.forEach((x,i)=>ix.add({type:'article',id:r+'a'+i,title:'t',text:x,stamp:'1', tags: i%3?['ukraine']:[]}));
const t=performance.now();
for (let k=0;k<200;k++){ ix.search(parseQuery('government '),20); ix.search(parseQuery('film award '),20);ix.search(parseQuery('g'),20);}
console.log((performance.now()-t)/600);
