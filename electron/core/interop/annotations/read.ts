// Reads annotations from outside (W3C Web Annotation JSON-LD, Hypothesis
// exports and API results) into one simple shape. Lenient on purpose: these
// files come from many tools; whatever cannot be read is counted, not guessed.

export interface ForeignAnnotation {
  /** Every URL the annotation names for its document (target source, uri, canonical links). */
  urls: string[];
  exact?: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
  /** The annotation's comment (Markdown or text), '' when it is a bare highlight. */
  text: string;
  /** Title of the commenting note, when the source had one. */
  label?: string;
  tags: string[];
  created?: string;
  updated?: string;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function typesOf(o: Json): string[] {
  return asArray(o.type ?? o['@type']).filter((t): t is string => typeof t === 'string');
}

function readSelectors(sel: unknown, into: ForeignAnnotation): void {
  for (const s of asArray(sel)) {
    if (!isObj(s)) continue;
    const t = typesOf(s);
    if (t.includes('TextQuoteSelector') && into.exact === undefined) {
      into.exact = str(s.exact);
      into.prefix = str(s.prefix);
      into.suffix = str(s.suffix);
    } else if (t.includes('TextPositionSelector') && into.start === undefined) {
      into.start = num(s.start);
      into.end = num(s.end);
    }
    if (s.refinedBy) readSelectors(s.refinedBy, into);
  }
}

function readTargets(target: unknown, into: ForeignAnnotation): void {
  for (const t of asArray(target)) {
    if (typeof t === 'string') {
      into.urls.push(t);
      continue;
    }
    if (!isObj(t)) continue;
    for (const k of ['source', 'scope', 'id']) {
      const u = str(t[k]);
      if (u && /^https?:/i.test(u)) into.urls.push(u);
    }
    if (isObj(t.source) && str(t.source.id)) into.urls.push(str(t.source.id)!);
    readSelectors(t.selector, into);
  }
}

/** One W3C Annotation. */
function fromW3c(a: Json): ForeignAnnotation {
  const out: ForeignAnnotation = { urls: [], text: '', tags: [], created: str(a.created), updated: str(a.modified) };
  readTargets(a.target, out);
  const comments: string[] = [];
  for (const b of asArray(a.body ?? a.bodyValue)) {
    if (typeof b === 'string') {
      comments.push(b);
      continue;
    }
    if (!isObj(b)) continue;
    const value = str(b.value) ?? str(b.chars) ?? '';
    if (asArray(b.purpose).includes('tagging')) {
      if (value) out.tags.push(value);
    } else if (value) {
      comments.push(value);
      if (!out.label && str(b.label)) out.label = str(b.label);
    }
  }
  out.text = comments.join('\n\n');
  return out;
}

/** One Hypothesis annotation (export file or API row). */
function fromHypothesis(a: Json): ForeignAnnotation {
  const out: ForeignAnnotation = {
    urls: [],
    text: str(a.text) ?? '',
    tags: asArray(a.tags).filter((t): t is string => typeof t === 'string'),
    created: str(a.created),
    updated: str(a.updated),
  };
  if (str(a.uri)) out.urls.push(str(a.uri)!);
  readTargets(a.target, out);
  // Hypothesis records the page's canonical and alternate URLs in document.link.
  const doc = a.document;
  if (isObj(doc)) {
    for (const l of asArray(doc.link)) if (isObj(l) && str(l.href)) out.urls.push(str(l.href)!);
  }
  return out;
}

export type AnnotationSource = 'w3c' | 'hypothesis';

/** The raw annotation objects in a file, or null when it holds none. */
export function annotationList(data: unknown): { kind: AnnotationSource; items: Json[] } | null {
  if (Array.isArray(data)) {
    const objs = data.filter(isObj);
    if (!objs.length) return null;
    if (objs.every((o) => typesOf(o).includes('Annotation'))) return { kind: 'w3c', items: objs };
    if (objs.every((o) => 'uri' in o && ('target' in o || 'text' in o))) return { kind: 'hypothesis', items: objs };
    return null;
  }
  if (!isObj(data)) return null;
  const t = typesOf(data);
  if (t.includes('Annotation')) return { kind: 'w3c', items: [data] };
  if (t.includes('AnnotationCollection') || t.includes('AnnotationPage')) {
    const items: Json[] = [];
    // A collection holds its items directly or in pages linked by first/next.
    const pages: unknown[] = [data, data.first];
    for (let i = 0; i < pages.length && i < 10_000; i++) {
      const p = pages[i];
      if (!isObj(p)) continue;
      for (const it of asArray(p.items)) if (isObj(it)) items.push(it);
      if (isObj(p.next)) pages.push(p.next);
    }
    return { kind: 'w3c', items };
  }
  // Hypothesis: the client's export file {annotations: [...]} or an API search result {rows: [...]}.
  for (const key of ['annotations', 'rows']) {
    const arr = data[key];
    if (Array.isArray(arr) && arr.every((o) => isObj(o) && ('uri' in o || 'target' in o))) {
      return { kind: 'hypothesis', items: arr as Json[] };
    }
  }
  return null;
}

export function readAnnotations(data: unknown): { kind: AnnotationSource; annotations: ForeignAnnotation[] } | null {
  const list = annotationList(data);
  if (!list) return null;
  const read = list.kind === 'w3c' ? fromW3c : fromHypothesis;
  // Links between two passages (motivation `linking`, as Scholia exports them) annotate no document text.
  const items = list.kind === 'w3c' ? list.items.filter((a) => !asArray(a.motivation).includes('linking')) : list.items;
  return { kind: list.kind, annotations: items.map(read) };
}

/**
 * A URL reduced to what identifies the page: no fragment, no tracking
 * parameters, no `www.`, no trailing slash, http and https alike.
 */
export function normalizeUrl(u: string): string | null {
  let url: URL;
  try {
    url = new URL(u.trim());
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol)) return null;
  const params = [...url.searchParams.entries()]
    .filter(([k]) => !/^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$|ref$|ref_src$|cmpid$)/i.test(k))
    .sort(([a], [b]) => a.localeCompare(b));
  const query = params.length
    ? '?' + params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
    : '';
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const port = url.port && url.port !== '80' && url.port !== '443' ? `:${url.port}` : '';
  const pathname = url.pathname.replace(/\/+$/, '') || '';
  return `${host}${port}${pathname}${query}`;
}
