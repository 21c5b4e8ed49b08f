import type { Creator, Entry } from '@retorquere/bibtex-parser';
import { setAsideNames, type NameParser } from './bibtex-names.js';
import { setAsidePlainText } from './bibtex-plain-text.js';
import { setAsideRawFields } from './bibtex-raw-fields.js';

/**
 * What the BibTeX parser is spared, and how its output is made whole again: prose (bibtex-plain-text),
 * names (bibtex-names) and raw values (bibtex-raw-fields) set aside before parsing. Every step keeps
 * the text's lines. Off, the parser reads every character (the fast path's test compares the two).
 */
export interface FastPath {
  readonly text: string;
  /** A parsed text value with its prose put back. */
  prose(value: string): string;
  /** A parsed creator list with its names put back. */
  names(creators: readonly Creator[] | undefined): readonly Creator[] | undefined;
  /** A parsed entry with its raw values put back. */
  entry(entry: Entry): Entry;
  /** Text quoting the input (an error's), as written. */
  restoreRaw(value: string): string;
}

export function fastPath(input: string, parseNames: NameParser, enabled: boolean): FastPath {
  if (!enabled) return { text: input, prose: (v) => v, names: (c) => c, entry: (e) => e, restoreRaw: (v) => v };
  const plain = setAsidePlainText(input);
  const raw = setAsideRawFields(plain.text);
  const names = setAsideNames(raw.text, parseNames);
  return {
    text: names.text,
    prose: plain.restore,
    names: names.expand,
    entry: raw.restore,
    restoreRaw: (value) => plain.restoreRaw(raw.restoreRaw(names.restoreRaw(value))),
  };
}
