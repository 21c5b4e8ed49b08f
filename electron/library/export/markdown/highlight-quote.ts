import type { Annotation } from '../../../../shared/models/paper.js';
import { blockquote, escapePaperText } from './escape.js';

/** A highlight's passage as a Markdown quote; one from a PDF ends with its page, as a citation does: `(p. 3)`. */
export function highlightQuote(annotation: Annotation): string {
  const page = annotation.pdf ? ` (p. ${annotation.pdf.page})` : '';
  return blockquote(`${escapePaperText(annotation.quote.trim())}${page}`);
}
