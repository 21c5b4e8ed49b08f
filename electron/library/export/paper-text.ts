import type { Paper } from '../../../shared/models/paper.js';
import { withoutMarkup } from '../../../shared/text/without-markup.js';

/**
 * A paper's text as exports write it: without the HTML that imports before issue 15 could leave in a
 * title, venue, abstract or highlight quote (`<sub>2</sub>`, `<i>…</i>`). The library keeps what it
 * stored, so highlights stay anchored on it; every writer starts from this instead.
 */
export function paperAsText(paper: Paper): Paper {
  const quotes = paper.annotations.some((a) => a.quote.includes('<'));
  if (!paper.title.includes('<') && !paper.venue?.includes('<') && !paper.abstract?.includes('<') && !quotes)
    return paper;
  return {
    ...paper,
    title: withoutMarkup(paper.title),
    venue: paper.venue === null ? null : withoutMarkup(paper.venue),
    abstract: paper.abstract === null ? null : withoutMarkup(paper.abstract),
    annotations: quotes ? paper.annotations.map((a) => ({ ...a, quote: withoutMarkup(a.quote) })) : paper.annotations,
  };
}
