// Tag expressions for filtering the library: `ukraine AND NOT ukraine/drones`,
// `(iran OR russia) -archived`. AND binds tighter than OR; juxtaposition is
// AND; NOT, "-" and "!" negate; parentheses group. A tag matches items tagged
// with it or anything inside it.
import { CoreError } from '../errors.js';
import { isWithin, normalizeTag } from './tag-path.js';

export type TagExpr = { op: 'tag'; tag: string } | { op: 'not'; arg: TagExpr } | { op: 'and' | 'or'; args: TagExpr[] };

/** A tag filter that cannot be read; `message` says where, for the user. Never ignored. */
export class TagExprError extends CoreError<'invalid-filter'> {
  constructor(message: string) {
    super(message, 'invalid-filter');
  }
}

function lex(src: string): string[] {
  const out: string[] = [];
  const re = /\s*(\(|\)|!|-(?=\S)|"[^"]*"|[^\s()"]+)/gy;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = re.exec(src))) {
    out.push(m[1]!);
    last = re.lastIndex;
  }
  if (src.slice(last).trim()) throw new TagExprError(`Cannot read the tag filter near "${src.slice(last).trim()}"`);
  return out;
}

export function parseTagExpr(src: string): TagExpr {
  const toks = lex(src);
  let i = 0;
  const peek = () => toks[i];
  const isOp = (t: string | undefined, op: string) => t !== undefined && t.toUpperCase() === op && !t.startsWith('"');

  function parseOr(): TagExpr {
    const args = [parseAnd()];
    while (isOp(peek(), 'OR') || peek() === '|') {
      i++;
      args.push(parseAnd());
    }
    return args.length === 1 ? args[0]! : { op: 'or', args };
  }
  function parseAnd(): TagExpr {
    const args = [parseNot()];
    for (;;) {
      const t = peek();
      if (t === undefined || t === ')' || isOp(t, 'OR') || t === '|') break;
      if (isOp(t, 'AND') || t === '&') i++;
      args.push(parseNot());
    }
    return args.length === 1 ? args[0]! : { op: 'and', args };
  }
  function parseNot(): TagExpr {
    const t = peek();
    if (isOp(t, 'NOT') || t === '-' || t === '!') {
      i++;
      return { op: 'not', arg: parseNot() };
    }
    return parseAtom();
  }
  let depth = 0;
  function parseAtom(): TagExpr {
    const before = toks[i - 1];
    const t = toks[i++];
    if (t === undefined) {
      if (depth > 0) throw new TagExprError('A "(" in the tag filter is not closed');
      throw new TagExprError(
        before === undefined ? 'The tag filter is empty' : `The tag filter ends after "${before}": a tag is missing`,
      );
    }
    if (t === '(') {
      depth++;
      const e = parseOr();
      if (toks[i++] !== ')') throw new TagExprError('A "(" in the tag filter is not closed');
      depth--;
      return e;
    }
    if (t === ')') throw new TagExprError('Unexpected ")" in the tag filter');
    // An operator where a tag should be ("ukraine AND AND iran", "OR russia"): not a tag named "and".
    if (['AND', 'OR', 'NOT'].includes(t.toUpperCase()) || t === '|' || t === '&')
      throw new TagExprError(
        `"${t}" in the tag filter needs a tag ${before === undefined ? 'after' : 'on each side of'} it`,
      );
    const tag = normalizeTag(t.startsWith('"') ? t.slice(1, -1) : t.replace(/^tag:/i, ''));
    if (!tag) throw new TagExprError(`"${t}" is not a tag`);
    return { op: 'tag', tag };
  }

  if (toks.length === 0) throw new TagExprError('The tag filter is empty');
  const e = parseOr();
  if (i < toks.length) throw new TagExprError(`Unexpected "${toks[i]}" in the tag filter`);
  return e;
}

export function matchesTagExpr(e: TagExpr, tags: readonly string[]): boolean {
  switch (e.op) {
    case 'tag':
      return tags.some((t) => isWithin(t, e.tag));
    case 'not':
      return !matchesTagExpr(e.arg, tags);
    case 'and':
      return e.args.every((a) => matchesTagExpr(a, tags));
    case 'or':
      return e.args.some((a) => matchesTagExpr(a, tags));
  }
}
