// citeproc-js behind two calls: a bibliography of items, and one citation (with a locator) of an
// item. One engine per (style, format, set of items): engines are cheap next to the style's
// parsing, so the parsed style is what is worth keeping, and citeproc keeps it inside the engine.
import CSL from 'citeproc';
import type { CitationLocator, CitationOutput } from './api.js';
import type { CslItem } from './csl-item.js';
import { CitationStyleError, localeXml } from './styles.js';

export interface Formatter {
  /** The in-text citation (or the note, for note styles) of one item. */
  cite(key: string, locator?: CitationLocator): string;
  /** Bibliography entries for these keys (all items when omitted), in the style's order. */
  bibliography(keys?: string[]): string[];
  /** True for note styles (the citation is a footnote). */
  note: boolean;
}

interface CachedEngine {
  engine: InstanceType<typeof CSL.Engine>;
  items: Map<string, CslItem>;
}

// Reading a style is most of the cost (the Chicago notes style is 240 KB of XML: seconds on a busy
// machine), so each (style, output) keeps one engine; its items are swapped per call.
const engines = new Map<string, CachedEngine>();
const MAX_ENGINES = 12;

function engineFor(styleXml: string, format: CitationOutput): CachedEngine {
  const key = `${format}\u0000${styleXml}`;
  let cached = engines.get(key);
  if (cached) {
    engines.delete(key);
    engines.set(key, cached); // most recently used last
    return cached;
  }
  const items = new Map<string, CslItem>();
  const sys = {
    retrieveLocale: () => localeXml(),
    // citeproc may annotate items it is given: hand it copies.
    retrieveItem: (id: string) => structuredClone(items.get(id)),
  };
  let engine: InstanceType<typeof CSL.Engine>;
  try {
    engine = new CSL.Engine(sys, styleXml, 'en-US', true);
  } catch (err) {
    throw new CitationStyleError(`The citation style could not be read: ${(err as Error).message.split('\n')[0]}`);
  }
  engine.setOutputFormat(format);
  cached = { engine, items };
  engines.set(key, cached);
  if (engines.size > MAX_ENGINES) engines.delete(engines.keys().next().value!);
  return cached;
}

/** Makes a formatter over `items` in a style (its XML) and an output format. */
export function formatter(styleXml: string, items: readonly CslItem[], format: CitationOutput): Formatter {
  const { engine, items: registry } = engineFor(styleXml, format);
  const all = items.map((i) => i.id);
  // Every call starts from an empty registry, so an edited article is read afresh and nothing of
  // an earlier call (its items, disambiguation) carries over.
  const load = (ids: string[]): void => {
    engine.updateItems([]);
    registry.clear();
    for (const i of items) registry.set(i.id, i);
    engine.updateItems(ids);
  };
  return {
    note: engine.opt.xclass === 'note',
    cite(key, locator) {
      load(all);
      const cite: { id: string; locator?: string; label?: string } = { id: key };
      if (locator) {
        cite.locator = locator.value;
        cite.label = locator.label;
      }
      return tidy(engine.makeCitationCluster([cite]), format);
    },
    bibliography(keys) {
      load(keys ?? all);
      const out = engine.makeBibliography();
      if (!out) return [];
      return out[1].map((e) => tidy(e, format));
    },
  };
}
function tidy(s: string, format: CitationOutput): string {
  if (format === 'html') return s.trim();
  return s.replace(/\s+$/, '').replace(/^\s+/, '');
}
