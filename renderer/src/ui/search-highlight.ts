import { useEffect, type RefObject } from 'react';
import { keywordRanges } from '../../../shared/triage/watch-match.js';

/**
 * Mark a search's words inside an element with the CSS Custom Highlight API: ranges over the text as drawn, so
 * nothing is added to the DOM (highlights' offsets, React's nodes and the CSP are untouched). Styled by
 * `::highlight(<name>)`. Does nothing where the browser lacks the API (jsdom).
 */
export function useSearchHighlight(
  ref: RefObject<HTMLElement | null>,
  name: string,
  terms: readonly string[],
  redrawKey: unknown,
): void {
  useEffect(() => {
    const root = ref.current;
    if (!root || typeof Highlight === 'undefined' || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    if (terms.length === 0) {
      CSS.highlights.delete(name);
      return;
    }
    // Marking after the frame is drawn: rows and formulas are in place by then.
    const frame = requestAnimationFrame(() => {
      const ranges: Range[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        if (text.trim() === '' || node.parentElement?.closest('math, textarea, input')) continue;
        for (const [start, end] of keywordRanges(text, terms)) {
          const range = document.createRange();
          range.setStart(node, start);
          range.setEnd(node, end);
          ranges.push(range);
        }
      }
      CSS.highlights.set(name, new Highlight(...ranges));
    });
    return () => {
      cancelAnimationFrame(frame);
      CSS.highlights.delete(name);
    };
  }, [ref, name, terms, redrawKey]);
}
