import type { ImportFailure } from '../../../shared/models/import-report.js';
import { normalizeArxivId, normalizeDoi } from '../paper/identity.js';
import { blankEntry, type ParseResult, type ParsedEntry } from '../paper/entry.js';
import { cleanUrl, isoDate, splitKeywords, text, yearOf } from './fields.js';
import { normalizeInputText } from '../../../shared/text/input.js';

/** `TY  - JOUR`: a two-character tag, two spaces (one, from some tools), a dash, a space (some drop it at the end). */
const TAG_LINE = /^([A-Z][A-Z0-9]) {1,2}-(?: ([^\n]*))?$/; // [^\n], not `.`: a U+2028 inside a value is text
/** Whether a line (as the file has it) ends a record, by the same test the reader applies. */
export function isRisEndLine(line: string): boolean {
  return TAG_LINE.exec(line.trimEnd())?.[1] === 'ER';
}

/** Authors, in the order the record lists them; `A2`/`A3`/`ED` are editors and series editors, not authors. */
const AUTHOR_TAGS: ReadonlySet<string> = new Set(['AU', 'A1']);

/**
 * Read RIS as Zotero, Mendeley, EndNote and publishers write it: `TY` … `ER` records, repeated `AU`
 * and `KW`, continuation lines, CRLF. RIS is a plain line format, so a small reader is all it takes.
 */
export function parseRis(input: string, fileName: string | null): ParseResult {
  const entries: ParsedEntry[] = [];
  const failures: ImportFailure[] = [];
  let record: RisRecord | null = null;
  let lastTag: string | null = null;
  const lines = normalizeInputText(input).split('\n');

  lines.forEach((raw, index) => {
    const line = raw.trimEnd();
    const match = TAG_LINE.exec(line);
    if (!match) {
      // A wrapped value continues the previous tag's last value.
      if (record && lastTag && line.trim() !== '') {
        const values = record.fields.get(lastTag) ?? [];
        values[values.length - 1] = `${values.at(-1) ?? ''} ${line.trim()}`;
      } else if (!record && line.trim() !== '') {
        failures.push({ line: index + 1, message: `text outside a TY … ER record: "${line.trim().slice(0, 40)}"` });
      }
      return;
    }
    const [, tag = '', value = ''] = match;
    if (tag === 'TY') {
      if (record) failures.push({ line: record.line, message: 'record has no ER line; read up to the next TY' });
      if (record) pushRecord(record);
      record = { line: index + 1, fields: new Map([['TY', [value.trim()]]]), authors: [] };
    } else if (tag === 'ER') {
      if (record) pushRecord(record);
      record = null;
    } else if (record) {
      record.fields.set(tag, [...(record.fields.get(tag) ?? []), value.trim()]);
      if (AUTHOR_TAGS.has(tag) && value.trim() !== '') record.authors.push(value.trim());
    } else {
      failures.push({ line: index + 1, message: `${tag} line outside a TY … ER record` });
    }
    lastTag = tag;
  });
  if (record) {
    failures.push({
      line: (record as { line: number }).line,
      message: 'the file ends inside a record (no ER line); read what was there',
    });
    pushRecord(record);
  }
  return { entries, failures };

  function pushRecord(r: RisRecord): void {
    const get = (...tags: string[]) =>
      tags.map((t) => r.fields.get(t)?.[0]).find((v) => v !== undefined && v !== '') ?? null;
    const all = (...tags: string[]) => tags.flatMap((t) => r.fields.get(t) ?? []).filter((v) => v !== '');
    const title = text(get('TI', 'T1', 'CT', 'BT', 'ST', 'TT'));
    if (!title) {
      failures.push({ line: r.line, message: 'record has no title (TI or T1); skipped' });
      return;
    }
    const { url, dropped } = cleanUrl(get('UR', 'L2'));
    if (dropped) failures.push({ line: r.line, message: `dropped a link that is not a web address (${dropped})` });
    // The year is the publication year (PY, Y1); the day comes from DA only when DA agrees with it
    // (an online-first date a year earlier would otherwise give a paper two years).
    const year = yearOf(get('PY', 'DA', 'Y1'));
    const dated =
      ['DA', 'PY', 'Y1'].map((t) => r.fields.get(t)?.[0] ?? '').find((v) => yearOf(v) === year && year !== null) ?? '';
    const [y, m, d] = dated.split(/[/-]/).map((p) => Number(p) || null);
    entries.push({
      ...blankEntry({ format: 'ris', fileName, digestDate: null }, r.line),
      title,
      authors: withSuffixes(r.authors).map(risName),
      editors: withSuffixes(all('A2', 'A3', 'ED')).map(risName),
      abstract: text(get('AB', 'N2')),
      year,
      publishedAt: isoDate(y ?? year, m, d),
      arxivId: normalizeArxivId(
        all('UR', 'N1', 'M1', 'SN', 'DO')
          .find((v) => /arxiv/i.test(v))
          ?.replace(/^.*arxiv[.:/]/i, '') ?? null,
      ),
      // Some tools put the DOI in a link or a note (EBSCO: L3, EndNote: N1 or UR).
      doi:
        normalizeDoi(get('DO', 'M3')) ??
        normalizeDoi(
          all('L3').find((v) => /^10\.\d{4,9}\//.test(v)) ??
            all('L3', 'UR', 'N1', 'L2').find((v) => /doi\.org\/|\bdoi:?\s*10\./i.test(v)) ??
            null,
        ),
      url,
      venue: text(get('T2', 'JO', 'JF', 'JA', 'BT')),
      tags: splitKeywords(all('KW')),
    });
  }
}

interface RisRecord {
  readonly line: number;
  readonly fields: Map<string, string[]>;
  /** AU and A1 values, in the order they came. */
  readonly authors: string[];
}

/** RIS names are `Last, First` or `Last, First, Suffix` (or, from some databases, `Last F.`); show them as `First Last Suffix`. */
function risName(raw: string): string {
  const [last = '', first = '', ...suffix] = raw.split(',').map((p) => p.trim());
  if (first === '') {
    const initialsLast = /^(.+?)\s+((?:\p{Lu}\.\s?){1,3})$/u.exec(last);
    if (initialsLast?.[1] && initialsLast[2]) return `${initialsLast[2].trim()} ${initialsLast[1]}`;
  }
  return [first, last, ...suffix].filter((p) => p !== '').join(' ');
}

const SUFFIX = /^(jr|sr|ii|iii|iv)\.?$/i;

/** A suffix some tools write as an author of its own (`AU  - Trono, Gavino C.` then `AU  - Jr`) joins the name before it. */
function withSuffixes(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    const previous = out.at(-1);
    if (previous !== undefined && SUFFIX.test(name.trim())) out[out.length - 1] = `${previous}, ${name.trim()}`;
    else out.push(name);
  }
  return out;
}
