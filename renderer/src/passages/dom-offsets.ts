// Text offsets <-> DOM positions in the reader. Each paragraph of the canonical text
// is one element with data-start=N (a <p>, a heading, a list item's <p>, a table
// cell, a caption: reader/blocks.tsx) whose text content is exactly the paragraph's
// text, so an offset is data-start + characters before the point. Elements between
// them (lists, tables, figures) hold no text of their own.

const TEXT_ELEMENT = '[data-start]';

/** A point outside any paragraph element (the container, a list, a table row): the nearest paragraph edge after it. */
function snapToParagraph(root: HTMLElement, node: Node, offset: number): number | null {
  const all = [...root.querySelectorAll<HTMLElement>(TEXT_ELEMENT)];
  if (all.length === 0) return null;
  const endOf = (p: HTMLElement) => Number(p.dataset.start) + (p.textContent?.length ?? 0);
  const probe =
    node.nodeType === Node.ELEMENT_NODE && offset < node.childNodes.length ? node.childNodes[offset]! : null;
  const next = all.find((p) =>
    probe
      ? probe === p || probe.contains(p) || Boolean(probe.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING)
      : !node.contains(p) && Boolean(node.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING),
  );
  return next ? Number(next.dataset.start) : endOf(all[all.length - 1]!);
}

/** The character offset of a DOM point (node, offset) within the article text, or null outside it. */
export function pointToOffset(root: HTMLElement, node: Node, offset: number): number | null {
  if (node !== root && !root.contains(node)) return null;
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const para = el?.closest<HTMLElement>(TEXT_ELEMENT);
  if (!para || !root.contains(para)) return snapToParagraph(root, node, offset);
  const base = Number(para.dataset.start);
  if (node.nodeType === Node.ELEMENT_NODE && node === para) {
    // Offset counts child nodes: sum the text of the children before it.
    let chars = 0;
    for (let i = 0; i < offset && i < para.childNodes.length; i++)
      chars += para.childNodes[i]!.textContent?.length ?? 0;
    return base + chars;
  }
  let chars = 0;
  const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (t === node) return base + chars + offset;
    if (node.nodeType === Node.ELEMENT_NODE && (node as Element).contains(t)) {
      // Element point inside the paragraph (a <mark>, a link): count its children before offset.
      let inner = 0;
      const kids = (node as Element).childNodes;
      for (let i = 0; i < offset && i < kids.length; i++) inner += kids[i]!.textContent?.length ?? 0;
      return base + chars + inner;
    }
    chars += t.textContent?.length ?? 0;
  }
  return base + chars;
}

/** The selection's offsets in the article text, or null when it is empty or outside the article. */
export function selectionOffsets(root: HTMLElement, sel: Selection | null): { start: number; end: number } | null {
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer) && range.commonAncestorContainer !== root) return null;
  const a = pointToOffset(root, range.startContainer, range.startOffset);
  const b = pointToOffset(root, range.endContainer, range.endOffset);
  if (a === null || b === null) return null;
  const start = Math.min(a, b);
  const end = Math.max(a, b);
  return end > start ? { start, end } : null;
}

/** The paragraph element that holds a text offset (the last one starting at or before it), for scrolling to it. */
export function elementAtOffset(root: HTMLElement, offset: number): HTMLElement | null {
  let found: HTMLElement | null = null;
  for (const p of root.querySelectorAll<HTMLElement>(TEXT_ELEMENT)) {
    if (Number(p.dataset.start) <= offset) found = p;
    else break;
  }
  return found;
}
