/**
 * Any other digest page: papers are found by the page's repeating structure, not by a list of phrases.
 *
 * The text is cut into units (paragraphs of a hard-wrapped text, lines of a copied web page). Long
 * prose is an abstract; each abstract's title is the title-like unit before it, at the distance from
 * the abstract that the page uses most (pages are regular: the title is always one unit above, or
 * always two). Short units whose shape repeats between entries (a byline, a button, a count) are
 * furniture. A title with no abstract is kept when it sits between papers; text before the first
 * paper and after the last one is the page's header and footer. Everything that became no paper is
 * listed as skipped.
 */
import { arxivRefIn, doiIn, type ArxivRef } from './ids.js';
import { Furniture } from './furniture.js';
import { joinWrapped, paragraphsOf, SkippedLines, type Line } from './lines.js';
import { parsePageDate } from './page-date.js';
import { isCapitalisedName, splitAuthors } from './people.js';
import { digestEntry, type DigestContext, type DigestRead, type DigestReader } from './reader.js';
import type { ParsedEntry } from '../entry.js';

interface Unit {
  readonly text: string;
  readonly lines: readonly Line[];
  readonly words: number;
}

/** `text`: read, but no part of a paper (listed as skipped); `furniture`: repeated page chrome (not listed). */
type Role = 'abstract' | 'title' | 'authors' | 'link' | 'date' | 'furniture' | 'text';

export const pageReader: DigestReader = {
  source: 'page',
  label: 'Page of papers',
  score: () => 1,
  read: (lines, context) => readPage(lines, context),
};

/** Hugging Face's daily papers page: read by its structure like any page, named for what it is. */
export const hfPageReader: DigestReader = {
  source: 'hf-page',
  label: 'Hugging Face daily papers',
  score(lines) {
    let marks = 0;
    for (const line of lines.slice(0, 400)) {
      if (/^(get trending papers in your email inbox|daily papers|huggingface\.co\/papers)\b/i.test(line.text) || /^submitted by\s/i.test(line.text) || /huggingface\.co\/papers\//i.test(line.text)) marks++;
      if (/^by\s*AK and the research community$/i.test(line.text)) marks += 2;
    }
    return marks >= 2 ? 5 + marks : 0;
  },
  read: (lines, context) => readPage(lines, context),
};

function readPage(lines: readonly Line[], context: DigestContext): DigestRead {
  const units = toUnits(lines);
  const furniture = new Furniture(
    units.map((u) => u.text),
    units.filter(isAbstract).length,
  );
  const roles = units.map((unit) => roleOf(unit, furniture, context));
  // A short abstract still reads as prose (it ends with a full stop) right after a title; outside the run
  // of long abstracts (the page's header and footer) such a pair is page copy, not a paper.
  const long = roles.flatMap((role, i) => (role === 'abstract' ? [i] : []));
  const [firstLong, lastLong] = [long[0] ?? -1, long.at(-1) ?? units.length];
  for (let i = 1; i < units.length; i++) {
    const unit = units[i] as Unit;
    const inside = long.length === 0 || (i > firstLong && i < lastLong) || (unit.words >= 5 && (units[i - 1] as Unit).words >= 3);
    if (inside && roles[i] === 'title' && roles[i - 1] === 'title' && /\.["'”)\]]?$/.test(unit.text)) roles[i] = 'abstract';
  }
  const skipped = new SkippedLines();
  const entries: ParsedEntry[] = [];

  const abstracts = roles.flatMap((role, index) => (role === 'abstract' ? [index] : []));
  const distance = usualTitleDistance(roles, abstracts);
  const used = new Array<boolean>(units.length).fill(false);
  let digestDate: string | null = null;
  const dates = new Map<number, string>();
  roles.forEach((role, index) => {
    if (role === 'date') dates.set(index, parsePageDate(units[index]?.text ?? '', context.today) ?? '');
  });

  // Each abstract claims its title, and the authors, ids and links between them.
  const titleOf = new Map<number, number>();
  let previous = -1;
  for (const a of abstracts) {
    const candidates = titleCandidates(roles, previous + 1, a);
    const title = pickTitle(units, candidates, a, distance);
    if (title !== undefined) titleOf.set(a, title);
    previous = a;
  }

  const hasAbstracts = abstracts.length > 0;
  // A page of titles alone (no abstracts): its titles sit at one fixed place in each repeated card.
  const cardTitles = hasAbstracts ? null : titlesInCards(units, roles, furniture);
  if (cardTitles) roles.forEach((role, i) => {
    if (role === 'title' && !cardTitles.has(i)) roles[i] = 'text';
  });
  const titles = new Set(titleOf.values());
  const first = hasAbstracts ? (titleOf.get(abstracts[0] as number) ?? abstracts[0] as number) : 0;
  const last = hasAbstracts ? (abstracts.at(-1) as number) : units.length - 1;
  let pending: { title: number; extras: number[] } | null = null;
  const emit = (title: number, abstract: number | null, extras: readonly number[]): void => {
    const unit = units[title] as Unit;
    let authors: string[] = [];
    let ref: ArxivRef | null = null;
    let doi: string | null = null;
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
        if (isLoneTitle(units[pending.title] as Unit, pending.title, first, last, hasAbstracts)) emit(pending.title, null, pending.extras);
      }
      if (title !== undefined) {
        for (let e = title + 1; e < index; e++) extras.push(e);
        emit(title, index, extras);
      }
      pending = null;
      continue;
    }
    if (role === 'title' && !titles.has(index)) {
      if (pending && isLoneTitle(units[pending.title] as Unit, pending.title, first, last, hasAbstracts)) emit(pending.title, null, pending.extras);
      pending = { title: index, extras: [] };
    } else if (pending && (role === 'authors' || role === 'link')) {
      pending.extras.push(index);
    }
  }
  if (pending && isLoneTitle(units[pending.title] as Unit, pending.title, first, last, hasAbstracts)) emit(pending.title, null, pending.extras);

  units.forEach((unit, index) => {
    if (!used[index] && roles[index] !== 'furniture') skipped.addAll(unit.lines);
  });
  return { entries: entries.sort((x, y) => (x.line ?? 0) - (y.line ?? 0)), skipped: skipped.result(), failures: [], detail: '' };
}

/**
 * A hard-wrapped text (an email, a text file) is read in paragraphs; a copied web page, whose lines are
 * whole elements, line by line.
 */
function toUnits(lines: readonly Line[]): Unit[] {
  const paragraphs = paragraphsOf(lines);
  const multi = paragraphs.filter((p) => p.length > 1);
  const wrapped = multi.filter(isHardWrapped).length;
  const byParagraph = multi.length === 0 || wrapped >= multi.length / 2;
  const groups = byParagraph ? paragraphs : paragraphs.flatMap((p) => (isHardWrapped(p) ? [p] : splitElements(p)));
  return groups.map((group) => {
    const text = joinWrapped(group.map((l) => l.text));
    return { text, lines: group, words: wordCount(text) };
  });
}

/** A paragraph of a copied page: each line is an element, unless it plainly goes on (`de-` + `sparsify`, a lowercase start). */
function splitElements(paragraph: readonly Line[]): Line[][] {
  const out: Line[][] = [];
  for (const line of paragraph) {
    const current = out.at(-1);
    const previous = current?.at(-1);
    if (current && previous && ((previous.text.endsWith('-') && /\p{L}-$/u.test(previous.text)) || startsLowercase(line.text))) current.push(line);
    else out.push([line]);
  }
  return out;
}

/** Words in whitespace-collapsed text, counted without splitting it. */
function wordCount(text: string): number {
  if (text === '') return 0;
  let count = 1;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) count++;
  return count;
}

/** Whether a line begins with a lower-case letter (a continuation), without a Unicode-property regex per line. */
function startsLowercase(text: string): boolean {
  const first = text.charAt(0);
  return first !== first.toUpperCase() && first === first.toLowerCase();
}

/** Lines broken at a fixed width: every line but the last close to the longest, none ending a sentence on its own. */
function isHardWrapped(paragraph: readonly Line[]): boolean {
  if (paragraph.length < 2) return false;
  const body = paragraph.slice(0, -1);
  let widest = 0;
  for (const line of body) widest = Math.max(widest, line.text.length);
  if (widest < 40 || widest > 120) return false;
  return body.every((l) => l.text.length >= widest - 25);
}

const SENTENCE_END = /[.!?。]["'”)\]]?$/;

function roleOf(unit: Unit, furniture: Furniture, context: DigestContext): Role {
  const { text, words } = unit;
  if (parsePageDate(text, context.today) !== null) return 'date';
  if (isAbstract(unit)) return 'abstract';
  if (/^(https?:\/\/\S+|arxiv:\S+|doi:\s*\S+)$/i.test(text)) return arxivRefIn(text) || doiIn(text) ? 'link' : 'furniture';
  if (furniture.has(text)) return 'furniture';
  if (/^[\d\s.,:;·•|+#%()kKmM-]*$/u.test(text) || isEmailAddress(text)) return 'furniture';
  if (looksLikeAuthors(text)) return 'authors';
  if (words >= 2 && words <= 60 && text.length <= 400 && /^[\p{L}\p{N}"'“‘(\[$\\¿¡]/u.test(text) && !/:$/.test(text)) return 'title';
  return 'furniture';
}

/** `name@host.tld`, checked without a regex that could backtrack on a long line. */
function isEmailAddress(text: string): boolean {
  const at = text.indexOf('@');
  return at > 0 && !/\s/.test(text) && text.lastIndexOf('.') > at + 1 && text.lastIndexOf('.') < text.length - 1;
}

/** Long prose, or several sentences: an abstract, whatever it ends with (a URL, `Code: …`, a formula). */
function isAbstract(unit: Unit): boolean {
  if (unit.words >= 35) return true;
  if (unit.words < 20) return false;
  // Titles may ask a question and go on ("Is This the Subspace…? An Illusion for…"); prose has full stops.
  return /\.\s+\p{Lu}/u.test(unit.text) || SENTENCE_END.test(unit.text);
}

/** `A. Author, B. Author and C. Author` or `Authors: …`: names, not a title (titles have colons and few commas). */
function looksLikeAuthors(text: string): boolean {
  if (/^authors?\s*:/i.test(text)) return true;
  if (text.includes(':')) return false;
  const names = splitAuthors(text);
  if (names.length < 2) return false;
  return /[,;]/.test(text) && names.every((name) => isCapitalisedName(name));
}

/** Units that may be the title of the abstract at `abstract`, from `from` on (after the previous abstract). */
function titleCandidates(roles: readonly Role[], from: number, abstract: number): number[] {
  const out: number[] = [];
  for (let i = Math.max(from, abstract - 8); i < abstract; i++) if (roles[i] === 'title') out.push(i);
  return out;
}

/** How far above its abstract this page puts a title, from the abstracts with exactly one candidate; null if none says. */
function usualTitleDistance(roles: readonly Role[], abstracts: readonly number[]): number | null {
  const counts = new Map<number, number>();
  let previous = -1;
  for (const a of abstracts) {
    const candidates = titleCandidates(roles, previous + 1, a);
    if (candidates.length === 1) counts.set(a - (candidates[0] as number), (counts.get(a - (candidates[0] as number)) ?? 0) + 1);
    previous = a;
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [d, c] of counts) if (c > bestCount) [best, bestCount] = [d, c];
  return best;
}

/** The page's usual distance when it has one; otherwise the closest candidate that is not a line of names. */
function pickTitle(units: readonly Unit[], candidates: readonly number[], abstract: number, distance: number | null): number | undefined {
  const usual = distance === null ? undefined : candidates.find((c) => abstract - c === distance);
  if (usual !== undefined) return usual;
  const notNames = candidates.filter((c) => !isNameList((units[c] as Unit).text));
  return notNames.at(-1) ?? candidates.at(-1);
}

/** `Alice Smith and Bob Jones`: a byline without commas, which a page may put between title and abstract. */
function isNameList(text: string): boolean {
  const names = splitAuthors(text);
  return names.length >= 2 && names.every((n) => isCapitalisedName(n, 2));
}

/** How many units after a card's repeated marker its title may stand. */
const CARD_REACH = 6;

/**
 * On a page of titles alone, find the repeated marker of each card (`Submitted by X`, an upvote count)
 * and the distance from it at which most titles stand; those units are the titles, and other title-like
 * lines (menus, the page header and footer) are not. Null when the page has no such regular cards.
 */
function titlesInCards(units: readonly Unit[], roles: readonly Role[], furniture: Furniture): Set<number> | null {
  const keys = units.map((u, i) => (roles[i] === 'furniture' ? furniture.keyOf(u.text) : null));
  const counts = new Map<string, number>();
  roles.forEach((role, i) => {
    if (role !== 'title') return;
    const seen = new Set<string>();
    for (let d = 1; d <= CARD_REACH && i - d >= 0; d++) {
      const key = keys[i - d];
      if (!key || seen.has(key)) continue;
      seen.add(key);
      counts.set(`${d}\u0000${key}`, (counts.get(`${d}\u0000${key}`) ?? 0) + 1);
    }
  });
  let best: string | null = null;
  let bestCount = 2;
  for (const [pattern, count] of counts) if (count > bestCount) [best, bestCount] = [pattern, count];
  if (best === null) return null;
  const [distance, key] = best.split('\u0000') as [string, string];
  const d = Number(distance);
  const out = new Set<number>();
  keys.forEach((k, i) => {
    if (k === key && roles[i + d] === 'title') out.add(i + d);
  });
  return out;
}

/** A title with no abstract becomes a paper only between papers (or on a page of titles alone), and only when it reads as one. */
function isLoneTitle(unit: Unit, index: number, first: number, last: number, hasAbstracts: boolean): boolean {
  if (hasAbstracts && (index < first || index > last)) return false;
  return unit.words >= 4 && !/[.!]$/.test(unit.text);
}
