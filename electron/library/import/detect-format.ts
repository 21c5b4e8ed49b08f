/** Which format an import is in, from its text (and its file name to break ties): cheap, with no parser loaded. */
import type { ImportFormat } from '../../../shared/models/paper.js';
import { own } from '../../../shared/own.js';
import { ID_LINE } from './arxiv.js';

/** How far into the text detection looks: enough for a long export header, bounded for a huge paste. */
export const DETECT_CHARS = 256 * 1024;
const BIBTEX_ENTRY = /^\s*@\s*[A-Za-z][\w-]*\s*[{(]/;
const RIS_TAG = /^([A-Z][A-Z0-9])\s{1,2}-(\s|$)/;
const EXTENSION_FORMAT: Readonly<Record<string, ImportFormat>> = {
  bib: 'bibtex',
  bibtex: 'bibtex',
  ris: 'ris',
  json: 'csl-json',
  xml: 'arxiv',
  atom: 'arxiv',
};

/**
 * Guess the format from the content's structure, not just its first bytes: a Scopus export opens with
 * `Scopus` and `EXPORT DATE:` lines before its first `@ARTICLE{`, some tools write `TY - JOUR` with one
 * space. When the structure is not decisive (a few stray lines), the file's extension breaks the tie.
 */
export function detectFormat(text: string, fileName: string | null = null): ImportFormat {
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, DETECT_CHARS);
  if (/^<\?xml[^>]*>\s*<feed|^<feed/i.test(head)) return 'arxiv';
  // JSON opens with an array of objects or an object; a paste that starts `[PDF] Title` is a digest.
  if (/^(\[\s*[{\]]|\{\s*["}])/.test(head))
    return /"paper"\s*:\s*\{/.test(head.slice(0, 4096)) ? 'hf-json' : 'csl-json';
  const lines = head.split(/\r?\n/);
  const nonEmpty = lines.map((l) => l.trim()).filter((l) => l !== '');
  if (nonEmpty.length > 0 && nonEmpty.every((l) => ID_LINE.test(l))) return 'arxiv';
  let bibtexEntries = 0;
  let risStarts = 0;
  let risEnds = 0;
  for (const line of lines) {
    if (BIBTEX_ENTRY.test(line) && !/^\s*@\s*(comment|preamble)\b/i.test(line)) bibtexEntries++;
    const tag = RIS_TAG.exec(line)?.[1];
    if (tag === 'TY') risStarts++;
    else if (tag === 'ER') risEnds++;
  }
  const byExtension = fileName ? own(EXTENSION_FORMAT, fileName.toLowerCase().split('.').pop() ?? '') : undefined;
  const risRecords = risEnds > 0 ? risStarts : 0;
  if (bibtexEntries > 0 || risRecords > 0) {
    if (bibtexEntries === risRecords) return byExtension === 'ris' ? 'ris' : 'bibtex';
    return bibtexEntries > risRecords ? 'bibtex' : 'ris';
  }
  return byExtension === 'bibtex' || byExtension === 'ris' ? byExtension : 'digest';
}
