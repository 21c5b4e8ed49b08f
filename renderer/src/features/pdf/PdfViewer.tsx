import { useCallback, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useMargin } from '../../store/use-margin.js';
import { openPdf, PdfError, type OutlineEntry, type PdfDoc } from './pdf-document.js';
import { findInPages, type FindResult } from './find-in-pdf.js';
import { searchTerms } from '../../../../shared/text/search-terms.js';
import { drawHighlights, layerText, selectionInLayer } from './pdf-text-layer.js';
import { AnnotationList } from '../annotations/AnnotationList.js';
import type { Annotation } from '../../../../shared/models/paper.js';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
const MIN_ZOOM = 0.5;
const MAX_ZOOM = 3;
/** How long the page must stay put before it is remembered. */
const SAVE_DELAY_MS = 600;

/** A PDF in the reader: pages in one scroll, drawn as they come into view, with page, zoom and find. */
export function PdfViewer({ startPage }: { startPage: number }) {
  const s = useMargin(
    useShallow((st) => ({
      pdf: st.pdf,
      close: st.closePdf,
      save: st.savePdfPage,
      error: st.pdfError,
      annotations: st.paper?.annotations,
      highlight: st.createPdfAnnotation,
      select: st.selectAnnotation,
      annotationError: st.annotationError,
      search: st.search,
    })),
  );
  const [pending, setPending] = useState<{ page: number; pageText: string; start: number; end: number } | null>(null);
  const [doc, setDoc] = useState<PdfDoc | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [page, setPage] = useState(startPage);
  const [zoom, setZoom] = useState(1.25);
  const [inverted, setInverted] = useState(false);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  // Opened from a search: its first word is looked for in the PDF (it may be what found the paper).
  const [find, setFind] = useState(() => searchTerms(s.search)[0] ?? '');
  const searched = useRef(find);
  const [outline, setOutline] = useState<readonly OutlineEntry[]>([]);
  const [found, setFound] = useState<FindResult | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const pageText = useRef(new Map<number, string>());
  const bytes = s.pdf?.bytes;

  useEffect(() => {
    if (!bytes) return;
    let cancelled = false;
    let opened: PdfDoc | null = null;
    pageText.current = new Map();
    openPdf(bytes)
      .then(async (d) => {
        opened = d;
        if (cancelled) return void d.destroy();
        const first = await d.pageSize(1);
        const contents = await d.outline().catch(() => []);
        // Start at the page's width in the reader, within the zoom steps' range (a table of contents widens
        // the page list beside the pages by 94 px).
        const room = (scroller.current?.clientWidth ?? 800) - 40 - (contents.length > 0 ? 94 : 0);
        setZoom(Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.floor((room / first.width) * 20) / 20)));
        setSize(first);
        setOutline(contents);
        setDoc(d);
      })
      .catch((error: unknown) => {
        if (!cancelled)
          setFailure(error instanceof PdfError ? error.message : `Margin cannot open this PDF: ${String(error)}`);
      });
    return () => {
      cancelled = true;
      void opened?.destroy();
    };
  }, [bytes]);

  const goTo = useCallback((target: number) => {
    // Scroll the pages only (scrollIntoView would move the whole window too).
    const area = scroller.current;
    const element = area?.querySelector<HTMLElement>(`[data-page="${target}"]`);
    // The scroll area is the pages' offset parent (position: relative), so offsets are within it.
    if (area && element) area.scrollTop = element.offsetTop - 16;
    setPage(target);
  }, []);

  // Back at the page last read, once the pages are laid out.
  useEffect(() => {
    if (doc) goTo(Math.min(Math.max(startPage, 1), doc.pages));
  }, [doc, startPage, goTo]);

  // The page in view is the one whose top is nearest above the middle of the scroll area.
  const onScroll = () => {
    const area = scroller.current;
    if (!area || !doc) return;
    const middle = area.scrollTop + area.clientHeight / 3;
    let current = 1;
    for (const element of area.querySelectorAll<HTMLElement>('[data-page]'))
      if (element.offsetTop <= middle) current = Number(element.dataset.page);
    if (current !== page) setPage(current);
  };

  // A passage selected in a page's text: what Highlight highlights.
  useEffect(() => {
    const onSelection = () => {
      const selection = document.getSelection();
      const anchor = selection?.anchorNode ?? null;
      const group = (anchor instanceof Element ? anchor : anchor?.parentElement)?.closest<HTMLElement>('[data-page]');
      const layer = group?.querySelector<HTMLElement>('.textLayer');
      const range = layer ? selectionInLayer(layer, selection ?? null) : null;
      setPending(
        group && layer && range ? { page: Number(group.dataset.page), pageText: layerText(layer), ...range } : null,
      );
    };
    document.addEventListener('selectionchange', onSelection);
    return () => document.removeEventListener('selectionchange', onSelection);
  }, []);

  const { save } = s;
  useEffect(() => {
    if (!doc) return;
    const timer = setTimeout(() => void save(page, doc.pages), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [doc, page, save]);

  const textOf = useCallback(
    async (n: number) => {
      const cached = pageText.current.get(n);
      if (cached !== undefined || !doc) return cached ?? '';
      const text = await doc.pageText(n);
      pageText.current.set(n, text);
      return text;
    },
    [doc],
  );

  // The search's word, found and marked as soon as the PDF is open (after the page last read is restored).
  useEffect(() => {
    const term = searched.current;
    if (!doc || term === '') return;
    searched.current = '';
    void findInPages(term, doc.pages, 1, textOf).then((result) => {
      setFound(result);
      if (result.page !== null) goTo(result.page);
    });
  }, [doc, textOf, goTo]);

  const runFind = async (from: number) => {
    if (!doc || find.trim() === '') return setFound(null);
    const result = await findInPages(find, doc.pages, from, textOf);
    setFound(result);
    if (result.page !== null) goTo(result.page);
  };

  if (!s.pdf) return null;
  const { attachment } = s.pdf;
  const highlights = (s.annotations ?? []).filter((a) => a.pdf?.sha256 === attachment.sha256);
  const makeHighlight = () => {
    if (!pending) return;
    void s.highlight({ sha256: attachment.sha256, ...pending });
    document.getSelection()?.removeAllRanges();
  };
  return (
    <section className={`pdf-viewer${inverted ? ' inverted' : ''}`} aria-label={`PDF: ${attachment.fileName}`}>
      <div className="pdf-toolbar" role="toolbar" aria-label="PDF">
        <button type="button" className="btn small" onClick={s.close}>
          ← Abstract
        </button>
        <span className="pdf-name" title={attachment.fileName}>
          {attachment.fileName}
        </span>
        <span className="spacer" />
        <button
          type="button"
          className="btn small ghost"
          aria-label="Previous page"
          onClick={() => goTo(Math.max(1, page - 1))}
        >
          ‹
        </button>
        <label className="pdf-page-field">
          <span className="visually-hidden">Page</span>
          <input
            type="number"
            aria-label="Page"
            disabled={!doc}
            min={1}
            max={doc?.pages ?? 1}
            value={page}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (doc && Number.isInteger(n) && n >= 1 && n <= doc.pages) goTo(n);
            }}
          />
          <span aria-label="Pages">/ {doc?.pages ?? '…'}</span>
        </label>
        <button
          type="button"
          className="btn small ghost"
          aria-label="Next page"
          onClick={() => goTo(Math.min(doc?.pages ?? 1, page + 1))}
        >
          ›
        </button>
        <button
          type="button"
          className="btn small ghost"
          aria-label="Zoom out"
          onClick={() => setZoom([...ZOOMS].reverse().find((z) => z < zoom) ?? zoom)}
        >
          −
        </button>
        <span className="pdf-zoom" aria-label="Zoom">
          {Math.round(zoom * 100)}%
        </span>
        <button
          type="button"
          className="btn small ghost"
          aria-label="Zoom in"
          onClick={() => setZoom(ZOOMS.find((z) => z > zoom) ?? zoom)}
        >
          +
        </button>
        <button type="button" className="btn small primary" disabled={!pending} onClick={makeHighlight}>
          Highlight
        </button>
        <button
          type="button"
          className="btn small ghost"
          aria-pressed={inverted}
          onClick={() => setInverted((v) => !v)}
        >
          Invert
        </button>
        <form
          className="pdf-find"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            void runFind(found?.page === page ? page + 1 : page);
          }}
        >
          <input
            type="search"
            aria-label="Find in PDF"
            placeholder="Find in PDF"
            value={find}
            onChange={(e) => {
              setFind(e.target.value);
              setFound(null);
            }}
          />
        </form>
      </div>
      {(failure ?? s.error ?? s.annotationError) && (
        <p className="error" role="alert">
          {failure ?? s.error ?? s.annotationError}
        </p>
      )}
      {found && (
        <p className="pdf-found" role="status">
          {found.page === null
            ? `“${find}” is not in this PDF.`
            : `“${find}” found on p. ${found.page} (${found.pages} page${found.pages === 1 ? '' : 's'} with it)`}
        </p>
      )}
      <div className="pdf-body">
        {/* Always there, so the pages' width is known before the first one is drawn. */}
        <nav className={`pdf-pages-nav${outline.length > 0 ? ' with-outline' : ''}`} aria-label="Page list">
          {outline.length > 0 && (
            <ol className="pdf-outline" aria-label="Contents">
              {outline.map((entry, i) => (
                <li key={i} style={{ paddingLeft: `${entry.depth * 10}px` }}>
                  <button
                    type="button"
                    className="pdf-outline-link"
                    disabled={entry.page === null}
                    onClick={() => entry.page !== null && goTo(entry.page)}
                  >
                    {entry.title}
                  </button>
                </li>
              ))}
            </ol>
          )}
          <ol aria-label="Page numbers">
            {Array.from({ length: doc?.pages ?? 0 }, (_, i) => i + 1).map((n) => (
              <li key={n}>
                <button
                  type="button"
                  className="pdf-page-link"
                  aria-current={n === page ? 'page' : undefined}
                  onClick={() => goTo(n)}
                >
                  {n}
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <div className="pdf-scroll" ref={scroller} onScroll={onScroll} tabIndex={0} aria-label="Pages of the PDF">
          {doc &&
            size &&
            Array.from({ length: doc.pages }, (_, i) => i + 1).map((n) => (
              <PdfPage
                key={`${n}@${zoom}`}
                doc={doc}
                page={n}
                scale={zoom}
                size={size}
                find={found?.page === n ? find : ''}
                highlights={highlights.filter((h) => h.pdf?.page === n && h.state === 'anchored')}
                onSelectHighlight={s.select}
              />
            ))}
          {!doc && !failure && <p className="hint-text">Opening the PDF…</p>}
        </div>
        <aside className="pdf-annotations">
          <AnnotationList
            annotations={highlights}
            emptyHint="Select a passage on a page and press Highlight. Highlights here are listed with their page and exported with it."
          />
        </aside>
      </div>
    </section>
  );
}

/** One page: a placeholder of the page's size until it comes near the view, then canvas and text. */
function PdfPage(props: {
  doc: PdfDoc;
  page: number;
  scale: number;
  size: { width: number; height: number };
  find: string;
  highlights: readonly Annotation[];
  onSelectHighlight: (id: string) => void;
}) {
  const { doc, page, scale, size, find: highlight, highlights, onSelectHighlight } = props;
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const text = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'waiting' | 'drawn' | 'failed'>('waiting');

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let started = false;
    const observer = new IntersectionObserver(
      (entries) => {
        if (started || !entries.some((e) => e.isIntersecting) || !canvas.current || !text.current) return;
        started = true;
        doc
          .renderPage(page, canvas.current, text.current, scale)
          .then(() => setState('drawn'))
          .catch(() => setState('failed'));
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [doc, page, scale]);

  // Mark the words found on this page.
  useEffect(() => {
    const layer = text.current;
    if (!layer || state !== 'drawn') return;
    const needle = highlight.trim().toLowerCase();
    for (const span of layer.querySelectorAll('span'))
      span.classList.toggle('find-hit', needle !== '' && (span.textContent ?? '').toLowerCase().includes(needle));
  }, [highlight, state]);

  // Draw the page's highlights on its text once it is laid out.
  useEffect(() => {
    if (text.current && state === 'drawn') drawHighlights(text.current, highlights);
  }, [highlights, state]);

  return (
    <div
      className="pdf-page"
      data-page={page}
      ref={box}
      aria-label={`Page ${page}`}
      role="group"
      style={{ width: `${Math.floor(size.width * scale)}px`, minHeight: `${Math.floor(size.height * scale)}px` }}
    >
      <canvas ref={canvas} aria-hidden="true" />
      <div
        className="textLayer"
        ref={text}
        onClick={(e) => {
          const id = e.target instanceof HTMLElement ? e.target.dataset.highlight : undefined;
          if (id && document.getSelection()?.isCollapsed !== false) onSelectHighlight(id);
        }}
      />
      {state === 'failed' && <p className="error">Page {page} could not be drawn.</p>}
    </div>
  );
}
