import type { ImportFailure } from '../../../shared/models/import-report.js';
import { normalizeArxivId, normalizeDoi } from '../merge/identity.js';
import { blankEntry, type ParseResult, type ParsedEntry } from './entry.js';
import { cleanUrl, isoDate, splitKeywords, text, yearOf } from './fields.js';
import { normalizeInputText } from './text.js';

/** `TY  - JOUR`: a two-character tag, two spaces, a dash (some writers drop the trailing space). */
const TAG_LINE = /^([A-Z][A-Z0-9])  -(?: (.*))?$/;

/**
 * Read RIS as Zotero, Mendeley, EndNote and publishers write it: `TY` … `ER` records, repeated `AU`
 * and `KW`, continuation lines, CRLF. RIS is a plain line format, so a small reader is all it takes.
 */
export function parseRis(input: string, fileName: string | null): ParseResult {
  const entries: ParsedEntry[] = [];
  const failures: ImportFailure[] = [];
  let record: { line: number; fields: Map<string, string[]> } | null = null;
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
      record = { line: index + 1, fields: new Map([['TY', [value.trim()]]]) };
    } else if (tag === 'ER') {
      if (record) pushRecord(record);
      record = null;
    } else if (record) {
      record.fields.set(tag, [...(record.fields.get(tag) ?? []), value.trim()]);
    } else {
      failures.push({ line: index + 1, message: `${tag} line outside a TY … ER record` });
    }
    lastTag = tag;
  });
  if (record) {
    failures.push({ line: (record as { line: number }).line, message: 'the file ends inside a record (no ER line); read what was there' });
    pushRecord(record);
  }
  return { entries, failures };

  function pushRecord(r: { line: number; fields: Map<string, string[]> }): void {
    const get = (...tags: string[]) => tags.map((t) => r.fields.get(t)?.[0]).find((v) => v !== undefined && v !== '') ?? null;
    const all = (...tags: string[]) => tags.flatMap((t) => r.fields.get(t) ?? []).filter((v) => v !== '');
    const title = text(get('TI', 'T1', 'CT', 'BT'));
    if (!title) {
      failures.push({ line: r.line, message: 'record has no title (TI or T1); skipped' });
      return;
    }
    const { url, dropped } = cleanUrl(get('UR', 'L2'));
    if (dropped) failures.push({ line: r.line, message: `dropped a link that is not a web address (${dropped})` });
    const date = get('DA', 'PY', 'Y1') ?? '';
    const [y, m, d] = date.split(/[/-]/).map((p) => Number(p) || null);
    const year = yearOf(get('PY', 'Y1', 'DA'));
    entries.push({
      ...blankEntry({ format: 'ris', fileName, digestDate: null }, r.line),
      title,
      authors: all('AU', 'A1', 'A2').map(risName),
      abstract: text(get('AB', 'N2')),
      year,
      publishedAt: isoDate(y ?? year, m, d),
      arxivId: normalizeArxivId(all('UR', 'N1', 'M1', 'SN', 'DO').find((v) => /arxiv/i.test(v))?.replace(/^.*arxiv[.:/]/i, '') ?? null),
      doi: normalizeDoi(get('DO', 'M3')),
      url,
      venue: text(get('T2', 'JO', 'JF', 'JA', 'BT')),
      tags: splitKeywords(all('KW')),
    });
  }
}

/** RIS names are `Last, First`; show them as `First Last`. */
function risName(raw: string): string {
  const [last, first] = raw.split(',', 2).map((p) => p.trim());
  return first ? `${first} ${last}` : (last ?? '').trim();
}
