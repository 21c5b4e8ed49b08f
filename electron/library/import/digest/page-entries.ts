/** Grouping a page's classified units into papers: each abstract with its title and byline, lone titles between papers. */
import { arxivRefIn, doiIn, type ArxivRef } from './ids.js';
import { SkippedLines } from './lines.js';
import { parsePageDate } from './page-date.js';
import { isNameList, type Role } from './page-roles.js';
import type { Unit } from './page-units.js';
import { splitAuthors } from './people.js';
import { digestEntry, type DigestContext, type DigestRead } from './reader.js';
import type { ParsedEntry } from '../../paper/entry.js';
import type { Doi } from '../../paper/identity.js';

/** A page read into units, the role of each, and the title of each abstract. */
export interface ClassifiedPage {
  readonly units: readonly Unit[];
  readonly roles: readonly Role[];
  /** Indices of the abstract units, in page order. */
  readonly abstracts: readonly number[];
  /** Each abstract's title unit, by abstract index. */
  readonly titleOf: ReadonlyMap<number, number>;
}

/** The papers on a classified page; every unit that became no paper (furniture aside) is listed as skipped. */
export function groupIntoEntries(page: ClassifiedPage, context: DigestContext): DigestRead {
  const { units, roles, abstracts, titleOf } = page;
  const skipped = new SkippedLines();
  const entries: ParsedEntry[] = [];
  const used = new Array<boolean>(units.length).fill(false);
  let digestDate: string | null = null;
  const dates = new Map<number, string>();
  roles.forEach((role, index) => {
    if (role === 'date') dates.set(index, parsePageDate(units[index]?.text ?? '', context.today) ?? '');
  });

  const hasAbstracts = abstracts.length > 0;
  const titles = new Set(titleOf.values());
  const firstAbstract = abstracts[0];
  const first = firstAbstract === undefined ? 0 : (titleOf.get(firstAbstract) ?? firstAbstract);
  const last = abstracts.at(-1) ?? units.length - 1;
  const isLone = (index: number): boolean => isLoneTitle(units[index] as Unit, index, first, last, hasAbstracts);
  let pending: { title: number; extras: number[] } | null = null;
  const emit = (title: number, abstract: number | null, extras: readonly number[]): void => {
    const unit = units[title] as Unit;
    let authors: string[] = [];
    let ref: ArxivRef | null = null;
    let doi: Doi | null = null;
    for (const e of extras) {
      const extra = units[e] as Unit;
      const names = roles[e] === 'authors' || (roles[e] === 'title' && isNameList(extra.text));
      if (names && authors.length === 0) authors = splitAuthors(extra.text.replace(/^(authors?|by)\s*:?\s*/i, ''));
      else if (roles[e] === 'link') {
        ref ??= arxivRefIn(extra.text);
        doi ??= doiIn(extra.text);
      } else continue;
      used[e] = true;
    }
    used[title] = true;
    if (abstract !== null) used[abstract] = true;
    entries.push(
      digestEntry(context, unit.lines[0]?.number ?? 1, {
        title: unit.text,
        authors,
        abstract: abstract === null ? null : (units[abstract] as Unit).text,
        arxivId: ref?.id ?? null,
        arxivVersion: ref?.version ?? null,
        doi,
        digestDate,
      }),
    );
  };

  for (let index = 0; index < units.length; index++) {
    const role = roles[index] as Role;
    if (role === 'date') {
      digestDate = dates.get(index) || digestDate;
      used[index] = true;
      continue;
    }
    if (role === 'abstract') {
      const title = titleOf.get(index);
      const extras: number[] = [];
      // A title-like line between an abstract's title and the abstract belongs to that paper (a byline): not a paper.
      if (pending && pending.title !== title && (title === undefined || pending.title < title)) {
        if (isLone(pending.title)) emit(pending.title, null, pending.extras);
      }
      if (title !== undefined) {
        for (let e = title + 1; e < index; e++) extras.push(e);
        emit(title, index, extras);
      }
      pending = null;
      continue;
    }
    if (role === 'title' && !titles.has(index)) {
      if (pending && isLone(pending.title)) emit(pending.title, null, pending.extras);
      pending = { title: index, extras: [] };
    } else if (pending && (role === 'authors' || role === 'link')) {
      pending.extras.push(index);
    }
  }
  if (pending && isLone(pending.title)) emit(pending.title, null, pending.extras);

  units.forEach((unit, index) => {
    if (!used[index] && roles[index] !== 'furniture') skipped.addAll(unit.lines);
  });
  return {
    entries: entries.sort((x, y) => (x.line ?? 0) - (y.line ?? 0)),
    skipped: skipped.result(),
    failures: [],
    detail: '',
  };
}

/** A title with no abstract becomes a paper only between papers (or on a page of titles alone), and only when it reads as one. */
function isLoneTitle(unit: Unit, index: number, first: number, last: number, hasAbstracts: boolean): boolean {
  if (hasAbstracts && (index < first || index > last)) return false;
  return unit.words >= 4 && !/[.!]$/.test(unit.text);
}
