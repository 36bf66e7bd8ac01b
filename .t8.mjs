import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
const n = 100000;
const html = '<html><body>' + '<div>'.repeat(n) + 'deep text' + '</div>'.repeat(n) + '</body></html>';
let t = performance.now();
try { const { document } = parseHTML(html); console.log('parsed', performance.now()-t);
  let d=0, el=document.body; while (el.firstElementChild) { el = el.firstElementChild; d++; } console.log('depth', d);
  try { console.log(document.body.textContent.length); } catch(e) { console.log('textContent', e.message); }
  try { const r = new Readability(document).parse(); console.log('readability', r && r.textContent.length); } catch(e) { console.log('readability', e.message); }
} catch (e) { console.log('parse', e.message); }
