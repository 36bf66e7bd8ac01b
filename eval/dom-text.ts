// Just enough DOM <-> text-offset mapping (over linkedom, in Node) to run the
// upstream HTML anchoring fixtures against the core's text anchoring. The
// reader's own mapping lives in the renderer; this is a test harness.
import { parseHTML } from 'linkedom';

/* eslint-disable @typescript-eslint/no-explicit-any -- linkedom's node types are loose */
type DomNode = any;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** A container element holding `html`, the way `el.innerHTML = html` would in a browser. */
export function containerFor(html: string): DomNode {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const el = document.createElement('section');
  // A browser drops <html>, <head> and <body> tags met inside an element; linkedom keeps them.
  el.innerHTML = html.replace(/<\/?(?:html|head|body)\b[^>]*>/gi, '');
  return el;
}

/** The body of a whole saved page. */
export function bodyOf(html: string): DomNode {
  return parseHTML(html).document.body;
}

export function textNodes(root: DomNode): DomNode[] {
  const out: DomNode[] = [];
  const walk = (n: DomNode): void => {
    for (const c of n.childNodes) {
      if (c.nodeType === TEXT_NODE) out.push(c);
      else if (c.nodeType === ELEMENT_NODE) walk(c);
    }
  };
  walk(root);
  return out;
}

/** Characters of text (root.textContent) that come before `target` in document order. */
export function charsBefore(root: DomNode, target: DomNode): number {
  let count = 0;
  let found = false;
  const walk = (n: DomNode): void => {
    for (const c of n.childNodes) {
      if (found) return;
      if (c === target) {
        found = true;
        return;
      }
      if (c.nodeType === TEXT_NODE) count += c.data.length;
      else if (c.nodeType === ELEMENT_NODE) walk(c);
    }
  };
  walk(root);
  if (!found) throw new Error('node is not inside the root');
  return count;
}

/** An XPath relative to root ("/p[2]/text()[1]", "/gh-73/div") or an index into root's text nodes. */
export function resolveContainer(root: DomNode, spec: string | number): DomNode {
  if (typeof spec === 'number') {
    const n = textNodes(root)[spec];
    if (!n) throw new Error(`no text node #${spec}`);
    return n;
  }
  let node = root;
  for (const step of spec.split('/').filter(Boolean)) {
    const m = /^([^[\]]+?)(?:\[(\d+)\])?$/.exec(step);
    if (!m) throw new Error(`bad xpath step ${step}`);
    const name = m[1]!.toLowerCase();
    const index = Number(m[2] ?? 1);
    const kids = [...node.childNodes].filter((c: DomNode) =>
      name === 'text()' ? c.nodeType === TEXT_NODE : c.nodeType === ELEMENT_NODE && c.localName.toLowerCase() === name,
    );
    node = kids[index - 1];
    if (!node) throw new Error(`xpath ${spec}: no ${step}`);
  }
  return node;
}

/** A DOM boundary point (container, offset) as an offset into root.textContent. */
export function pointToOffset(root: DomNode, container: DomNode, offset: number): number {
  if (container.nodeType === TEXT_NODE) return charsBefore(root, container) + offset;
  const kids = [...container.childNodes];
  let count = container === root ? 0 : charsBefore(root, container);
  for (const k of kids.slice(0, offset)) count += (k.textContent ?? '').length;
  return count;
}

/**
 * Describes a text offset the way Hypothesis's RangeSelector does: the XPath of
 * the element whose text node holds the character, and the offset within that
 * element's text. `side` picks the node a boundary between two nodes belongs to.
 */
export function offsetToXPathPoint(
  root: DomNode,
  offset: number,
  side: 'start' | 'end',
): { xpath: string; offset: number } {
  let pos = 0;
  for (const n of textNodes(root)) {
    const len = n.data.length;
    const inside = side === 'start' ? offset >= pos && offset < pos + len : offset > pos && offset <= pos + len;
    if (inside) {
      const el = n.parentNode;
      return { xpath: xpathOf(root, el), offset: offset - (el === root ? 0 : charsBefore(root, el)) };
    }
    pos += len;
  }
  return { xpath: '', offset };
}

/** XPath of an element relative to root, with an index on every step ("/div[3]/p[8]"). */
export function xpathOf(root: DomNode, el: DomNode): string {
  const steps: string[] = [];
  for (let n = el; n && n !== root; n = n.parentNode) {
    const name = n.localName.toLowerCase();
    const same = [...n.parentNode.childNodes].filter(
      (c: DomNode) => c.nodeType === ELEMENT_NODE && c.localName.toLowerCase() === name,
    );
    steps.unshift(`${name}[${same.indexOf(n) + 1}]`);
  }
  return '/' + steps.join('/');
}

/** Resolves an (xpath, offset-in-element-text) point back to a text offset. */
export function xpathPointToOffset(root: DomNode, xpath: string, offset: number): number {
  const el = resolveContainer(root, xpath);
  return (el === root ? 0 : charsBefore(root, el)) + offset;
}
