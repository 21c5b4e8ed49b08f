import { useRef } from 'react';
import { formatSize } from '../../ui/format-size.js';
import type { Attachment, Paper } from '../../../../shared/models/paper.js';
import { MissingPdf } from './MissingPdf.js';
import type { PdfWhereabouts } from './pdf-slice.js';

/** The paper's PDFs, each to read (with how far the reader got) or said to be missing here, and a way to attach one. */
export function PdfShelf(props: {
  paper: Paper;
  /** Which of the paper's PDFs are not on this machine; null until known. */
  where: PdfWhereabouts | null;
  loading: boolean;
  error: string | null;
  onOpen: (attachment: Attachment) => void;
  onAttach: (file: File) => void;
  onDownload: () => void;
}) {
  const { paper, where, loading, error, onOpen, onAttach, onDownload } = props;
  const missing = where?.paperId === paper.id ? where : null;
  const input = useRef<HTMLInputElement>(null);
  return (
    <section className="pdf-shelf" aria-label="PDF">
      {paper.attachments.map((attachment) => {
        const reading = paper.reading?.sha256 === attachment.sha256 ? paper.reading : null;
        if (missing?.missing.includes(attachment.sha256))
          return (
            <MissingPdf
              key={attachment.sha256}
              attachment={attachment}
              where={missing}
              arxivId={paper.arxivId}
              onDownload={onDownload}
            />
          );
        return (
          <button
            key={attachment.sha256}
            type="button"
            className="btn small primary"
            disabled={loading}
            onClick={() => onOpen(attachment)}
          >
            Read PDF
            <span className="pdf-shelf-detail">
              {attachment.fileName} · {formatSize(attachment.bytes)}
              {reading ? ` · p. ${reading.page}/${reading.pages}` : ''}
            </span>
          </button>
        );
      })}
      {paper.attachments.length === 0 && paper.arxivId !== null && (
        <button type="button" className="btn small" onClick={onDownload}>
          Download PDF
        </button>
      )}
      <button type="button" className="btn small ghost" onClick={() => input.current?.click()}>
        Attach PDF…
      </button>
      <input
        ref={input}
        type="file"
        accept="application/pdf,.pdf"
        aria-label="PDF file to attach"
        className="visually-hidden"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onAttach(file);
          e.target.value = '';
        }}
      />
      {loading && <span className="hint-text">Opening…</span>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
