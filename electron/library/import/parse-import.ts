import type { ImportFormat } from '../../../shared/models/paper.js';
import { assertNever } from '../../../shared/assert-never.js';
import { LibraryError } from '../storage/errors.js';
import { parseDigest } from './digest.js';
import type { ParseResult } from './entry.js';

/** Largest import accepted in one go; bigger inputs are almost certainly not a paper list. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

export interface ParseOptions {
  readonly fileName: string | null;
  readonly today: Date;
}

/** Guess the format from the content: each has an unmistakable opening. */
export function detectFormat(text: string): ImportFormat {
  const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 4096);
  if (/^(%.*\n\s*)*@\s*[a-z]+\s*[{(]/i.test(head)) return 'bibtex';
  if (/^TY {2}- /m.test(head.slice(0, 200))) return 'ris';
  if (/^<\?xml[^>]*>\s*<feed|^<feed/i.test(head)) return 'arxiv';
  if (/^[[{]/.test(head)) return /"paper"\s*:\s*\{/.test(head) ? 'hf-json' : 'csl-json';
  const lines = head.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const arxivLine = /^(arxiv:|https?:\/\/(www\.)?arxiv\.org\/(abs|pdf)\/)?(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?(\.pdf)?$/i;
  if (lines.length > 0 && lines.every((l) => arxivLine.test(l))) return 'arxiv';
  return 'digest';
}

/** Parse an import in the given format (`auto` detects it). */
export function parseImport(text: string, format: ImportFormat | 'auto', options: ParseOptions): ParseResult & { format: ImportFormat } {
  if (text.length > MAX_IMPORT_BYTES) {
    throw new LibraryError('invalid-request', `${options.fileName ?? 'input'}: ${Math.round(text.length / 1048576)} MB is more than the ${MAX_IMPORT_BYTES / 1048576} MB an import may be`);
  }
  const chosen = format === 'auto' ? detectFormat(text) : format;
  switch (chosen) {
    case 'digest':
      return { ...parseDigest(text, options), format: chosen };
    case 'bibtex':
    case 'ris':
    case 'csl-json':
    case 'arxiv':
    case 'hf-json':
      throw new LibraryError('unsupported', `${options.fileName ?? 'input'}: importing ${chosen} is not supported yet (digest pages are)`);
    default:
      return assertNever(chosen);
  }
}
