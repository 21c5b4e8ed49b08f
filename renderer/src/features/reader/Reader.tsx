import { forwardRef, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { searchTerms } from '../../../../shared/text/search-terms.js';
import { useSearchHighlight } from '../../ui/search-highlight.js';
import { useShallow } from 'zustand/react/shallow';
import { STATUSES, type Status } from '../../../../shared/models/paper.js';
import { STATUS_LABELS } from '../sidebar/views.js';
import { useMargin } from '../../store/use-margin.js';
import { AbstractView } from './AbstractView.js';
import { AnnotationList } from '../annotations/AnnotationList.js';
import { NoteEditor } from '../annotations/NoteEditor.js';
import { Icon } from '../../ui/Icon.js';
import { TagEditor } from '../tags/TagEditor.js';
import { PdfShelf } from '../pdf/PdfShelf.js';
import { PdfViewer } from '../pdf/PdfViewer.js';
import { paperLinks } from './paper-links.js';
import { CopyCitationMenu } from '../citations/CopyCitationMenu.js';
import { ArxivMatches } from '../citations/ArxivMatches.js';
import { TexText } from '../../ui/math/TexText.js';

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** The open paper: title, authors, links, status, tags and the abstract set for reading. */
export const Reader = forwardRef<HTMLInputElement>(function Reader(_props, tagInputRef) {
  // Another paper opens at its top, not where the last one was scrolled to (drawn already at the top).
  const scrollRef = useRef<HTMLElement>(null);
  const paperId = useMargin((s) => s.paper?.id ?? null);
  useLayoutEffect(() => {
    scrollRef.current?.scrollTo(0, 0);
  }, [paperId]);
  // A paper opened from a search shows where it matched: the words marked in its abstract, note and highlights.
  const search = useMargin((s) => s.search);
  const terms = useMemo(() => searchTerms(search), [search]);
  const contentKey = useMargin((s) => (s.paper ? `${s.paper.id}:${s.paper.updatedAt}` : ''));
  useSearchHighlight(scrollRef, 'margin-search-reader', terms, contentKey);
  const { paper, readerError, total, setStatus, untrash } = useMargin(
    useShallow((s) => ({
      paper: s.paper,
      readerError: s.readerError,
      total: s.total,
      setStatus: s.setStatus,
      untrash: s.untrashPaper,
    })),
  );
  const pdf = useMargin(
    useShallow((s) => ({
      open: s.pdf,
      openPdf: s.openPdf,
      attach: s.attachPdf,
      download: s.downloadPdf,
      where: s.pdfWhereabouts,
      locate: s.locatePdfs,
      error: s.pdfError,
      loading: s.pdfLoading,
    })),
  );
  const a = useMargin(
    useShallow((s) => ({
      selectedId: s.selectedAnnotationId,
      select: s.selectAnnotation,
      setTextSelection: s.setTextSelection,
      create: s.createAnnotation,
      error: s.annotationError,
      copy: s.copyPaperMarkdown,
      findOnArxiv: s.findOnArxiv,
    })),
  );
  // Which PDFs are missing here: asked again whenever the paper's PDFs change (a sync, a download that came in).
  const { locate } = pdf;
  const attachments = paper?.attachments;
  useEffect(() => void locate(), [locate, attachments]);

  if (!paper || total === 0) {
    return (
      <main className="reader" aria-label="Reader">
        <div className="empty">
          <Icon name="reading" />
          <h2>Nothing open</h2>
          <p>Pick a paper from the list, or press j and k to walk through it.</p>
        </div>
      </main>
    );
  }

  if (pdf.open && pdf.open.paperId === paper.id) {
    const startPage = paper.reading?.sha256 === pdf.open.attachment.sha256 ? paper.reading.page : 1;
    return (
      <main className="reader reader-pdf" aria-label="Reader">
        <PdfViewer startPage={startPage} />
      </main>
    );
  }

  return (
    <main className="reader" aria-label="Reader" ref={scrollRef}>
      <article className="reader-inner" tabIndex={-1} id="reader-article">
        {readerError && (
          <p className="error" role="alert">
            {readerError}
          </p>
        )}
        {paper.trashedAt !== null && (
          <p className="notice-bar" role="status">
            This paper is in the Trash.{' '}
            <button type="button" className="btn small" onClick={() => void untrash()}>
              Restore it
            </button>
          </p>
        )}
        <h1>
          <TexText text={paper.title} />
        </h1>
        {paper.authors.length > 0 && <div className="authors">{paper.authors.join(', ')}</div>}
        {paper.editors.length > 0 && <div className="authors editors">Edited by {paper.editors.join(', ')}</div>}
        <div className="facts">
          {paper.year !== null && <span>{paper.year}</span>}
          {paper.venue && <span>{paper.venue}</span>}
          {paperLinks(paper).map((link) => (
            <a key={link.href} href={link.href} title={link.title} target="_blank" rel="noopener noreferrer">
              {link.label}
            </a>
          ))}
          <span className="spacer" />
          {/* The actions wrap as one group, never one button to a line. */}
          <span className="reader-actions">
            {!paper.arxivId && (
              <button type="button" className="btn small ghost" onClick={() => void a.findOnArxiv()}>
                Find on arXiv
              </button>
            )}
            <CopyCitationMenu ids={[paper.id]} />
            <button type="button" className="btn small ghost" onClick={() => void a.copy()}>
              Copy Markdown
            </button>
          </span>
        </div>
        <ArxivMatches paperId={paper.id} />
        <div className="controls">
          <div className="field">
            <label className="field-label" htmlFor="status-control">
              Status
            </label>
            {/* the options are exactly STATUSES, so the value is a Status */}
            <select id="status-control" value={paper.status} onChange={(e) => void setStatus(e.target.value as Status)}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div className="field tags-field">
            <span className="field-label">Tags</span>
            <TagEditor ref={tagInputRef} tags={paper.tags} />
          </div>
        </div>
        <PdfShelf
          paper={paper}
          where={pdf.where}
          loading={pdf.loading}
          error={pdf.error}
          onOpen={(attachment) => void pdf.openPdf(attachment)}
          onAttach={(file) => void pdf.attach(file)}
          onDownload={() => void pdf.download()}
        />
        {a.error && (
          <p className="error" role="alert">
            {a.error}
          </p>
        )}
        <AbstractView
          abstract={paper.abstract}
          annotations={paper.annotations}
          selectedAnnotationId={a.selectedId}
          onSelectAnnotation={a.select}
          onSelectText={a.setTextSelection}
          onHighlight={(range) => void a.create(range.start, range.end)}
        />
        <AnnotationList annotations={paper.annotations} />
        <NoteEditor paper={paper} />
        <p className="source-note">
          Added {formatDate(paper.addedAt)}
          {paper.source.digestDate && ` from the ${formatDate(paper.source.digestDate)} digest`}
          {paper.source.fileName && ` (${paper.source.fileName})`}
        </p>
      </article>
    </main>
  );
});
