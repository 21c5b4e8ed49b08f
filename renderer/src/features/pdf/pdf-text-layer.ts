/**
 * A page's text as its pdf.js text layer lays it out: the text of every text node, in document order, with a
 * line break for each `<br>`. Highlights are anchored in this text, and drawn back onto the same nodes.
 */
interface Piece {
  readonly node: Text;
  readonly start: number;
}

function pieces(layer: HTMLElement): { text: string; pieces: Piece[] } {
  const walker = layer.ownerDocument.createTreeWalker(layer, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  let text = '';
  const found: Piece[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Text) {
      found.push({ node, start: text.length });
      text += node.data;
    } else if (node instanceof HTMLBRElement) text += '\n';
  }
  return { text, pieces: found };
}

export function layerText(layer: HTMLElement): string {
  return pieces(layer).text;
}

/** The selection as offsets into the layer's text, when it lies inside the layer and is not empty. */
export function selectionInLayer(
  layer: HTMLElement,
  selection: Selection | null,
): { start: number; end: number } | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!layer.contains(range.startContainer) || !layer.contains(range.endContainer)) return null;
  const { pieces: all } = pieces(layer);
  const offsetOf = (container: Node, offset: number): number | null => {
    const piece = all.find((p) => p.node === container);
    if (piece) return piece.start + offset;
    // A boundary between elements: the start of the first text at or after it.
    const after = container.childNodes[offset] ?? null;
    const next = all.find((p) => after !== null && (after === p.node || after.contains(p.node)));
    return next ? next.start : null;
  };
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  return start !== null && end !== null && end > start ? { start, end } : null;
}

/** Mark the text spans of each highlight (by its offsets into the layer's text) with its color. */
export function drawHighlights(
  layer: HTMLElement,
  highlights: ReadonlyArray<{
    readonly id: string;
    readonly start: number;
    readonly end: number;
    readonly color: string;
  }>,
): void {
  const { pieces: all } = pieces(layer);
  for (const span of layer.querySelectorAll('[data-highlight]')) {
    span.removeAttribute('data-highlight');
    span.className = span.className.replace(/\bpdf-hl-\w+\b/g, '').trim();
  }
  for (const h of highlights)
    for (const piece of all) {
      const end = piece.start + piece.node.data.length;
      const parent = piece.node.parentElement;
      if (!parent || piece.start >= h.end || end <= h.start) continue;
      parent.dataset.highlight = h.id;
      parent.classList.add(`pdf-hl-${h.color}`);
    }
}
