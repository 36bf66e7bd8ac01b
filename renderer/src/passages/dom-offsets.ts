// Text offsets <-> DOM positions in the reader. The reader renders the canonical
// text as <p data-start=N> paragraphs whose text content is exactly the
// paragraph's text, so an offset is data-start + characters before the point.

/** The character offset of a DOM point (node, offset) within the article text, or null outside it. */
export function pointToOffset(root: HTMLElement, node: Node, offset: number): number | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const para = el?.closest<HTMLElement>('p[data-start]');
  if (!para || !root.contains(para)) {
    // A point between paragraphs (e.g. the container itself): snap to the nearest paragraph edge.
    if (node === root) {
      const paras = root.querySelectorAll<HTMLElement>('p[data-start]');
      const p = paras[Math.min(offset, paras.length - 1)];
      if (!p) return null;
      return offset >= paras.length ? Number(p.dataset.start) + (p.textContent?.length ?? 0) : Number(p.dataset.start);
    }
    return null;
  }
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
      // Element point inside the paragraph (e.g. a <mark>): count its children before offset.
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
