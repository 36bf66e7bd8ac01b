import { SearchIndex } from './electron/core/search/engine.js';
import { parseQuery } from './electron/core/search/query.js';
const ix = new SearchIndex();
ix.add({ type: 'article', id: 'x', title: 'T', text: 'accused Moscow of using Iranian-made drones', stamp: '1' });
ix.add({ type: 'article', id: 'y', title: 'T', text: 'Iranian-made drones over Kyiv', stamp: '1' });
for (const q of ['"iranian-made drones" -moscow ', 'drones -moscow ', 'drones ', '-moscow', 'iranian made drones']) console.log(q, ix.search(parseQuery(q)).hits.map((h) => h.doc.id));
const { index: ix2 } = SearchIndex.deserialize(ix.serialize());
for (const q of ['"iranian-made drones" -moscow ', 'drones -moscow ', 'drones ', '-moscow', 'iranian made drones']) console.log(q, ix2.search(parseQuery(q)).hits.map((h) => h.doc.id));
