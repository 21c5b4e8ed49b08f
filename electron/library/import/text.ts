/** Text clean-up shared by the parsers. */

/** Strip a BOM, unify line endings and Unicode form, drop NULs and other control bytes. */
export function normalizeInputText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

/** Collapse runs of whitespace to one space and trim. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface Paragraph {
  readonly text: string;
  /** 1-based line of the paragraph's first line. */
  readonly line: number;
}

/**
 * Split text into blank-line separated paragraphs, joining wrapped lines.
 * A line ending in a hyphen after a letter joins the next without a space (`de-` + `sparsify`).
 */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let current: string[] = [];
  let start = 0;
  const flush = (): void => {
    if (current.length > 0) out.push({ text: joinWrapped(current), line: start });
    current = [];
  };
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return flush();
    if (current.length === 0) start = index + 1;
    current.push(line);
  });
  flush();
  return out;
}

function joinWrapped(lines: readonly string[]): string {
  let joined = '';
  for (const line of lines) {
    if (joined === '') joined = line;
    else if (/\p{L}-$/u.test(joined) && /^\p{Ll}/u.test(line)) joined += line;
    else joined += ` ${line}`;
  }
  return squash(joined);
}
