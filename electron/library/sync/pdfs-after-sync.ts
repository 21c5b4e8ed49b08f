/**
 * PDFs do not sync through git (issue 20). After a sync that received papers, a PDF their records list and this
 * machine lacks is looked for in the shared PDF folder, then, for a paper with an arXiv id, queued for download
 * (the queue waits quietly while offline). This machine's own PDFs are offered to the shared folder meanwhile.
 */
import type { PaperAttachments } from '../attachments/paper-attachments.js';
import type { PdfDownloads } from '../attachments/pdf-downloads.js';

/** What became of the received papers' missing PDFs, by paper id. */
export interface PdfsAfterSync {
  /** Filled from the shared PDF folder. */
  readonly filled: readonly string[];
  /** Still without a PDF here (those queued included). */
  readonly missing: readonly string[];
  /** Queued for download from arXiv. */
  readonly queued: readonly string[];
  /** Files in the shared folder that were not used, and why (also kept as the library's notices). */
  readonly refused: readonly string[];
}

export const NO_PDFS_MISSING: PdfsAfterSync = { filled: [], missing: [], queued: [], refused: [] };

/** Fill what the received papers lack, then queue the rest; the downloads start in the background. */
export async function fetchMissingPdfs(
  attachments: PaperAttachments,
  downloads: PdfDownloads,
  received: readonly string[],
): Promise<PdfsAfterSync> {
  void attachments.shared.offerAll().catch(() => undefined);
  if (received.length === 0) return NO_PDFS_MISSING;
  const { filled, missing, refused } = await attachments.fillMissing(received);
  if (missing.length === 0) return { filled, missing, queued: [], refused };
  const queued = (await downloads.enqueue(missing)).filter((r) => r.outcome === 'queued').map((r) => r.paperId);
  if (queued.length > 0) void downloads.run().catch(() => undefined);
  return { filled, missing, queued, refused };
}
