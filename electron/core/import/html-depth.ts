// Measures how deeply a page nests its elements BEFORE we parse it: parsing a
// 100,000-level page takes the DOM library seconds and Readability's recursive walk
// then overflows the stack, so such input is refused up front. A tag scanner with
// the parser's main implied-close rules is enough to tell real pages (tens of
// levels) from pathological ones (thousands).

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'keygen',
  'command',
  'basefont',
  'frame',
  'isindex',
]);
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'noscript',
  'iframe',
  'noembed',
  'noframes',
  'plaintext',
]);
/** Elements a new sibling of the same kind closes implicitly (<p>...<p>, <li>...<li>). */
const SELF_CLOSING_SIBLINGS = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'rt',
  'rp',
  'optgroup',
]);

/** The deepest element nesting in `html` (approximate, never below the truth by much). */
export function maxNestingDepth(html: string, stopAbove = Infinity): number {
  const stack: string[] = [];
  let max = 0;
  const tagRe = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let m: RegExpExecArray | null;
  while ((m = tagRe.exec(html))) {
    if (!m[2]) continue; // a comment
    const name = m[2].toLowerCase();
    if (m[1]) {
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
      continue;
    }
    if (VOID.has(name) || /\/\s*$/.test(m[3] ?? '')) continue;
    if (RAW_TEXT.has(name)) {
      const closeRe = new RegExp(`</${name}`, 'gi');
      closeRe.lastIndex = tagRe.lastIndex;
      const close = closeRe.exec(html);
      tagRe.lastIndex = close ? close.index : html.length;
      continue;
    }
    if (SELF_CLOSING_SIBLINGS.has(name)) {
      // Within the innermost few levels: the parser closes the open one first.
      const at = stack.lastIndexOf(name);
      if (at >= 0 && stack.length - at <= 3) stack.length = at;
    }
    stack.push(name);
    if (stack.length > max) {
      max = stack.length;
      if (max > stopAbove) return max;
    }
  }
  return max;
}
