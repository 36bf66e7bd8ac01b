// Schema migrations, run on open after a backup of the old files. Each step
// takes the parsed index of version N and returns version N+1; steps are pure
// so they are tested on literal v1 data.
import { citationKeysFor, creatorsOf } from '../citation-data.js';
import type { ArticleMeta } from '../model.js';
import { FORMAT, type IndexData, SCHEMA_VERSION } from './layout.js';

type Raw = Record<string, unknown>;

const steps: Record<number, (d: Raw) => Raw> = {
  /**
   * v1 (the first store): library.json {schema, articles, notes, passages, trash, settings},
   * every change rewrote it. v2 adds the journal (journal.jsonl) and the snapshot's `seq`,
   * a `format` marker, and guarantees every list and tag array is present.
   */
  1: (d) => ({
    format: FORMAT,
    schema: 2,
    seq: 0,
    settings: d.settings && typeof d.settings === 'object' ? d.settings : {},
    articles: (d.articles as Raw[]).map((a) => ({ ...a, tags: Array.isArray(a.tags) ? a.tags : [] })),
    notes: (d.notes as Raw[]).map((n) => ({
      ...n,
      tags: Array.isArray(n.tags) ? n.tags : [],
      articleId: n.articleId ?? null,
    })),
    passages: (d.passages as Raw[]).map((p) => ({ ...p, tags: Array.isArray(p.tags) ? p.tags : [] })),
    trash: d.trash,
  }),
  /**
   * v3 (issue 16) adds citation metadata, all optional: old fields stay as they were and readable.
   * Each article gets its citation key pinned (made once, unique, in library order) and structured
   * creators read from its byline, where a byline that is a date ("April 28, 2019 at 6:01 am") gives
   * none. Older Scholia versions refuse a v3 library (schema), as for any newer layout.
   */
  2: (d) => {
    const articles = d.articles as ArticleMeta[];
    const keys = citationKeysFor(articles);
    return {
      ...d,
      schema: 3,
      articles: articles.map((a) => {
        const next: ArticleMeta = { ...a, citationKey: keys.get(a.id)! };
        if (!a.creators) {
          const creators = creatorsOf(a);
          if (creators.length) next.creators = creators;
        }
        return next;
      }),
    };
  },
};

/** Upgrades a parsed index to SCHEMA_VERSION. Throws for versions it does not know. */
export function migrate(data: Raw): IndexData {
  let d = data;
  let v = d.schema as number;
  while (v < SCHEMA_VERSION) {
    const step = steps[v];
    if (!step) throw new Error(`no migration from schema ${v}`);
    d = step(d);
    v = d.schema as number;
  }
  return d as unknown as IndexData;
}
