/**
 * The text of each stored PDF, extracted once and kept beside it (`attachments/<hash>.txt`, pages separated
 * by form feeds): derived from the PDF, so a missing or stale one is made again, never trusted over it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PaperRecord } from '../../../shared/models/paper.js';
import { writeFileDurable } from '../storage/durable-write.js';
import { ATTACHMENTS_DIR } from '../storage/layout.js';
import { attachmentPath, exists } from './attachment-files.js';
import type { PdfText } from './pdf-text.js';

/** Reads a PDF's pages of text (and metadata title); the app runs it in a worker thread, the CLI and tests in-process. */
export type PdfTextExtractor = (file: string) => Promise<PdfText>;

const PAGE_BREAK = '\f';

function textPath(libraryDir: string, sha256: string): string {
  return path.join(libraryDir, ATTACHMENTS_DIR, `${path.basename(attachmentPath(libraryDir, sha256), '.pdf')}.txt`);
}

export async function hasPdfText(libraryDir: string, sha256: string): Promise<boolean> {
  return exists(textPath(libraryDir, sha256));
}

export async function savePdfText(libraryDir: string, sha256: string, pages: readonly string[]): Promise<void> {
  // A page break never occurs in text pdf.js extracts, so it cannot shift pages.
  await writeFileDurable(
    textPath(libraryDir, sha256),
    pages.map((p) => p.replaceAll(PAGE_BREAK, ' ')).join(PAGE_BREAK),
  );
}

/** The pages of a PDF's text, or none while it is still being read (or could not be). */
export async function pdfPages(libraryDir: string, sha256: string): Promise<string[]> {
  try {
    return (await readFile(textPath(libraryDir, sha256), 'utf8')).split(PAGE_BREAK);
  } catch {
    return [];
  }
}

/** All the text of a paper's PDFs, for search. */
export async function attachmentText(libraryDir: string, record: Pick<PaperRecord, 'attachments'>): Promise<string> {
  const texts = await Promise.all(
    record.attachments.map(async (a) => (await pdfPages(libraryDir, a.sha256)).join('\n')),
  );
  return texts.join('\n');
}
