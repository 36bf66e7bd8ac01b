// W3C Web Annotations: each passage as an Annotation (JSON-LD) with a
// TextQuoteSelector and a TextPositionSelector on the article's URL; the body
// is its comment, the notes that cite it (Markdown) and its tags. Read back by ./import.ts.
import type { Note } from '../../model.js';
import { safeFileName } from '../../export/filenames.js';
import type { ExportBundle, ExportFormat } from '../../export/format.js';
import { passageIdsIn, passageUrl } from '../../export/passage-links.js';
import { bundleTitle } from '../../export/scope.js';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export function toAnnotationCollection(bundle: ExportBundle): Record<string, unknown> {
  const citing = new Map<string, Note[]>();
  for (const n of bundle.notes) {
    for (const pid of passageIdsIn(n.body)) citing.set(pid, [...(citing.get(pid) ?? []), n]);
  }
  const items = bundle.passages.map((p) => {
    const article = bundle.lookup.article(p.articleId);
    // A PDF passage also names its page, per the PDF fragment identifiers (RFC 3778: page=N, 1-based).
    const span = bundle.lookup.pages?.(p) ?? null;
    const page = span
      ? [
          {
            type: 'FragmentSelector',
            conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
            value: `page=${span.first.index}`,
          },
        ]
      : [];
    const notes = citing.get(p.id) ?? [];
    const body = [
      // The highlight's own comment first: what Hypothesis calls the annotation's text.
      ...(p.comment ? [{ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: p.comment }] : []),
      ...notes.map((n) => ({
        type: 'TextualBody',
        id: `scholia://note/${n.id}`,
        purpose: 'commenting',
        format: 'text/markdown',
        value: n.body,
        ...(n.title ? { label: n.title } : {}),
      })),
      ...p.tags.map((t) => ({ type: 'TextualBody', purpose: 'tagging', value: t })),
    ];
    return {
      id: passageUrl(p.id),
      type: 'Annotation',
      motivation: notes.length || p.comment ? 'commenting' : 'highlighting',
      created: p.createdAt,
      modified: p.updatedAt,
      ...(body.length ? { body } : {}),
      target: {
        source: article?.url || `scholia://article/${p.articleId}`,
        ...(article?.title ? { label: article.title } : {}),
        selector: [
          { type: 'TextQuoteSelector', exact: p.quote.exact, prefix: p.quote.prefix, suffix: p.quote.suffix },
          { type: 'TextPositionSelector', start: p.position.start, end: p.position.end },
          ...page,
        ],
      },
    };
  });
  return {
    '@context': ANNO_CONTEXT,
    type: 'AnnotationCollection',
    label: bundleTitle(bundle),
    total: items.length,
    generated: bundle.exportedAt,
    generator: { type: 'Software', name: 'Scholia' },
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

export const w3cFormat: ExportFormat = {
  id: 'w3c',
  label: 'W3C Web Annotations (JSON-LD)',
  extension: 'jsonld',
  mime: 'application/ld+json',
  output: 'file',
  needsBodies: false,
  render(bundle) {
    const text = JSON.stringify(toAnnotationCollection(bundle), null, 2);
    return [{ path: safeFileName(`${bundleTitle(bundle)} annotations`, 'jsonld'), mime: this.mime, text }];
  },
};
