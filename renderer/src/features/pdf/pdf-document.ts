/**
 * pdf.js behind a small interface: open a PDF from bytes, draw a page (canvas and selectable text), read a
 * page's text. Its worker, fonts and character maps are files of the app (copied by the build), so reading
 * a PDF reaches no other origin; no eval and no WebAssembly, so the CSP stays strict; PDF scripts never run.
 */
import { getDocument, GlobalWorkerOptions, TextLayer, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { MAX_PDF_PAGES } from '../../../../shared/limits.js';

GlobalWorkerOptions.workerSrc = workerUrl;

/** Files the build copies next to the page (scripts/build.mjs). */
const ASSETS = new URL('./pdfjs/', document.baseURI).href;

export interface PdfDoc {
  readonly pages: number;
  /** Size of a page at scale 1, in CSS pixels. */
  pageSize(page: number): Promise<{ width: number; height: number }>;
  /** Draw a page into `canvas` and lay its text out in `textLayer` for selection; returns a function that stops it. */
  renderPage(page: number, canvas: HTMLCanvasElement, textLayer: HTMLElement, scale: number): Promise<void>;
  /** The PDF's table of contents (its bookmarks), with the page each entry goes to; empty when it has none. */
  outline(): Promise<OutlineEntry[]>;
  /** A page's text, its items joined as they read. */
  pageText(page: number): Promise<string>;
  destroy(): Promise<void>;
}

/** One entry of a PDF's table of contents, at its depth. */
export interface OutlineEntry {
  readonly title: string;
  readonly page: number | null;
  readonly depth: number;
}

/** Why a PDF cannot be shown, in words for the reader. */
export class PdfError extends Error {
  override name = 'PdfError';
}

export async function openPdf(bytes: Uint8Array): Promise<PdfDoc> {
  const task = getDocument({
    // pdf.js takes ownership of the buffer it is given; keep the caller's.
    data: bytes.slice(),
    isEvalSupported: false,
    useWasm: false,
    enableXfa: false,
    standardFontDataUrl: `${ASSETS}standard_fonts/`,
    cMapUrl: `${ASSETS}cmaps/`,
    cMapPacked: true,
    stopAtErrors: false,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    throw new PdfError(describeOpenError(error));
  }
  if (doc.numPages > MAX_PDF_PAGES) {
    await doc.destroy();
    throw new PdfError(`This PDF has ${doc.numPages} pages, more than the ${MAX_PDF_PAGES} Margin opens.`);
  }
  const pages = new Map<number, Promise<PDFPageProxy>>();
  const page = (n: number) => {
    let found = pages.get(n);
    if (!found) {
      found = doc.getPage(n);
      pages.set(n, found);
    }
    return found;
  };
  return {
    pages: doc.numPages,
    async pageSize(n) {
      const viewport = (await page(n)).getViewport({ scale: 1 });
      return { width: viewport.width, height: viewport.height };
    },
    async renderPage(n, canvas, textLayer, scale) {
      const proxy = await page(n);
      const viewport = proxy.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      await proxy.render({
        canvas,
        viewport,
        ...(ratio === 1 ? {} : { transform: [ratio, 0, 0, ratio, 0, 0] }),
      }).promise;
      textLayer.replaceChildren();
      textLayer.style.setProperty('--scale-factor', String(scale));
      await new TextLayer({ textContentSource: proxy.streamTextContent(), container: textLayer, viewport }).render();
    },
    async outline() {
      type Item = { title: string; dest: string | unknown[] | null; items: Item[] };
      const pageOf = async (dest: Item['dest']): Promise<number | null> => {
        try {
          const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
          const ref: unknown = explicit?.[0];
          if (typeof ref === 'number') return ref + 1;
          if (ref && typeof ref === 'object' && 'num' in ref && 'gen' in ref)
            return (await doc.getPageIndex(ref as { num: number; gen: number })) + 1;
        } catch {
          // an entry that points nowhere is still listed, without a page
        }
        return null;
      };
      const out: OutlineEntry[] = [];
      const walk = async (items: readonly Item[], depth: number): Promise<void> => {
        for (const item of items.slice(0, 2000)) {
          out.push({ title: item.title.slice(0, 300), page: await pageOf(item.dest), depth });
          if (depth < 4) await walk(item.items, depth + 1);
        }
      };
      await walk((await doc.getOutline()) ?? [], 0);
      return out;
    },
    async pageText(n) {
      const content = await (await page(n)).getTextContent();
      return content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join('')
        .replace(/[ \t]+/g, ' ');
    },
    destroy: () => doc.destroy(),
  };
}

function describeOpenError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return 'This PDF is protected by a password; Margin cannot open it.';
  if (name === 'InvalidPDFException') return 'This file is damaged or is not a PDF; Margin cannot open it.';
  return `Margin cannot open this PDF: ${error instanceof Error ? error.message : String(error)}`;
}
