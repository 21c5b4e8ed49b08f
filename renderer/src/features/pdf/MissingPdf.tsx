import { useId } from 'react';
import type { Attachment } from '../../../../shared/models/paper.js';
import { formatSize } from '../../ui/format-size.js';
import type { PdfWhereabouts } from './pdf-slice.js';

/**
 * A PDF the paper's record lists that this machine lacks (the paper came by sync; PDFs do not go through git): what
 * Margin already did (looked in the shared PDF folder) and what the user can do (download it from arXiv).
 */
export function MissingPdf(props: {
  attachment: Attachment;
  where: PdfWhereabouts;
  arxivId: string | null;
  onDownload: () => void;
}) {
  const { attachment, where, arxivId, onDownload } = props;
  const heading = useId();
  return (
    <section className="pdf-missing" aria-labelledby={heading}>
      <h2 id={heading} className="pdf-missing-title">
        This PDF is not on this machine yet
      </h2>
      <p className="pdf-missing-detail">
        {attachment.fileName} · {formatSize(attachment.bytes)} — it came with the paper from another machine, and PDFs
        do not sync through git.
      </p>
      <p className="hint-text">
        {where.sharedFolder === null
          ? 'Name a shared PDF folder in Settings to take PDFs from your other machines.'
          : where.refused.length === 0
            ? `Margin looked in the shared PDF folder (${where.sharedFolder}); it is not there yet.`
            : `Margin looked in the shared PDF folder (${where.sharedFolder}) and could not use what it found:`}
      </p>
      {where.refused.map((message) => (
        <p key={message} className="error">
          {message}
        </p>
      ))}
      {arxivId !== null && (
        <button type="button" className="btn small primary" onClick={onDownload}>
          Download from arXiv
        </button>
      )}
    </section>
  );
}
