/** A PDF's text, page by page, read with pdf.js in whatever thread calls it (the app: a worker of its own). */
import { MAX_PDF_PAGES } from '../../../shared/limits.js';

/** A PDF's text: its pages in order, and the title its metadata gives, if any. */
export interface PdfText {
  readonly pages: string[];
  readonly title: string | null;
}

/** Pages of text, in order; a PDF with more pages than any paper, or one that cannot be read, is an error. */
export async function extractPdfPages(bytes: Uint8Array): Promise<PdfText> {
  // The legacy build runs in Node; loaded on first use, as it is large.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    useWasm: false,
    useSystemFonts: false,
    disableFontFace: true,
    enableXfa: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    if (doc.numPages > MAX_PDF_PAGES)
      throw new Error(`${doc.numPages} pages, more than the ${MAX_PDF_PAGES} Margin reads`);
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join('');
      pages.push(text.trimEnd());
      page.cleanup();
    }
    const { info } = await doc.getMetadata();
    const title = typeof info === 'object' && 'Title' in info && typeof info.Title === 'string' ? info.Title : null;
    return { pages, title };
  } finally {
    await task.destroy();
  }
}
