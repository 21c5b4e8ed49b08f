import { foldText } from '../../../shared/text/fold.js';
import { termPattern, termTokens } from '../../../shared/text/search-terms.js';

export { termTokens };
import { STATUSES, type Status } from '../../../shared/models/paper.js';
import { hasTag } from '../paper/tags.js';

/** A parsed search: free words and phrases, exclusions, and field filters. */
export interface SearchQuery {
  readonly words: readonly string[];
  readonly phrases: readonly string[];
  readonly excluded: readonly string[];
  readonly tags: readonly string[];
  /** `-tag:x`: papers with neither the tag nor one below it. */
  readonly notTags: readonly string[];
  readonly statuses: readonly Status[];
  /** `-status:x`. */
  readonly notStatuses: readonly Status[];
  readonly years: ReadonlyArray<{ readonly op: YearOp; readonly year: number }>;
  /** `author:kaiser`: an author or editor whose name has a word starting so (folded). */
  readonly authors: readonly string[];
  /** `has:pdf`, `has:note`, `has:highlights`; `-has:x` is `notHas`. */
  readonly has: readonly HasWhat[];
  readonly notHas: readonly HasWhat[];
  /** Filters that could not be read, each with what to type instead; they are left out of the search. */
  readonly problems: readonly string[];
}

type YearOp = '=' | '!=' | '>' | '>=' | '<' | '<=';
const HAS = ['pdf', 'note', 'highlights'] as const;
export type HasWhat = (typeof HAS)[number];
/** `-year:>2020` is `year:<=2020`. */
const NEGATED: Readonly<Record<YearOp, YearOp>> = { '=': '!=', '!=': '=', '>': '<=', '>=': '<', '<': '>=', '<=': '>' };

const TOKEN = /(-?)(?:(\w+):)?(?:"([^"]*)"?|(\S+))/g;

/** `field:` prefixes that are not filters but ordinary text people search for (`arXiv:2401.00001`, a link). */
const TEXT_PREFIXES = new Set(['arxiv', 'doi', 'http', 'https', 'www']);
const FILTERS = 'tag:, status:, year:, author:, has:';

/**
 * Parse `tag:llm status:reading year:>=2024 "exact phrase" -word words`. A filter with a value it cannot
 * take (`status:done`, `year:>=20x4`) is left out and explained in `problems`, never turned into an empty
 * result; an unknown `field:` is searched as words, and said so.
 */
export function parseQuery(input: string): SearchQuery {
  const words: string[] = [];
  const phrases: string[] = [];
  const excluded: string[] = [];
  const tags: string[] = [];
  const notTags: string[] = [];
  const statuses: Status[] = [];
  const notStatuses: Status[] = [];
  const years: Array<SearchQuery['years'][number]> = [];
  const problems: string[] = [];
  const authors: string[] = [];
  const has: HasWhat[] = [];
  const notHas: HasWhat[] = [];
  for (const match of input.matchAll(TOKEN)) {
    const [, minus = '', field, quoted, bare] = match;
    const value = (quoted ?? bare ?? '').trim();
    if (value === '') continue;
    const lowerField = field?.toLowerCase();
    const negated = minus === '-';
    if (lowerField === 'tag') (negated ? notTags : tags).push(value.toLowerCase());
    else if (lowerField === 'author') authors.push(foldText(value));
    else if (lowerField === 'has') {
      const what = HAS.find(
        (h) =>
          h === value.toLowerCase() ||
          `${h}s` === value.toLowerCase() ||
          (h === 'highlights' && value.toLowerCase() === 'highlight'),
      );
      if (what) (negated ? notHas : has).push(what);
      else problems.push(`has:${value} is not something a paper has; use has:pdf, has:note or has:highlights`);
    } else if (lowerField === 'status') {
      const status = STATUSES.find((s) => s === value.toLowerCase());
      if (status) (negated ? notStatuses : statuses).push(status);
      else problems.push(`status:${value} is not a status; use ${STATUSES.join(', ')}`);
    } else if (lowerField === 'year') {
      if (/^(>=|<=|>|<|=)?\d{4}$/.test(value)) {
        const op = (/^(>=|<=|>|<|=)/.exec(value)?.[1] ?? '=') as YearOp; // the regex allows only these
        years.push({ op: negated ? NEGATED[op] : op, year: Number(value.replace(/^\D+/, '')) });
      } else problems.push(`year:${value} is not a year; write year:2024, year:>=2020 (or >, <, <=)`);
    } else {
      // Only a word reads as a field name: `10:30` and `a:b` are text.
      if (field !== undefined && /^[a-z]{2,}$/i.test(field) && !TEXT_PREFIXES.has(lowerField ?? ''))
        problems.push(`${field}: is not a filter (${FILTERS}); searching for the words “${field}:${value}”`);
      const text = foldText(field === undefined ? value : `${field}:${value}`);
      // Punctuation alone (`a - b`, `&`) has nothing to look for, in the index or the scan.
      if (termTokens(text).length === 0) continue;
      if (minus === '-') excluded.push(text);
      else if (quoted !== undefined) phrases.push(text);
      else words.push(text);
    }
  }
  return { words, phrases, excluded, tags, notTags, statuses, notStatuses, years, authors, has, notHas, problems };
}

export function isEmptyQuery(q: SearchQuery): boolean {
  return !hasTextTerms(q) && !hasFieldFilters(q);
}

/** Whether the search has words, phrases or exclusions: what the text search answers. */
export function hasTextTerms(q: Pick<SearchQuery, 'words' | 'phrases' | 'excluded'>): boolean {
  return q.words.length + q.phrases.length + q.excluded.length > 0;
}

/** Whether the search has a `tag:`, `status:`, `year:`, `author:` or `has:` filter (negated ones too). */
export function hasFieldFilters(q: SearchQuery): boolean {
  return (
    q.tags.length +
      q.notTags.length +
      q.statuses.length +
      q.notStatuses.length +
      q.years.length +
      q.authors.length +
      q.has.length +
      q.notHas.length >
    0
  );
}

/** What the filters look at besides text. */
export interface Filterable {
  readonly tags: readonly string[];
  readonly status: Status;
  readonly year: number | null;
  readonly authors: readonly string[];
  readonly editors: readonly string[];
  /** Only how many there are matters (`has:pdf`). */
  readonly attachments: { readonly length: number };
  readonly hasNote: boolean;
  readonly annotationCount: number;
}

function hasThing(paper: Filterable, what: HasWhat): boolean {
  if (what === 'pdf') return paper.attachments.length > 0;
  if (what === 'note') return paper.hasNote;
  return paper.annotationCount > 0;
}

/** Field filters: every `tag:` (a tag or its parent), one of the `status:`, every `year:` comparison. */
export function matchesFilters(paper: Filterable, q: SearchQuery): boolean {
  if (q.tags.length > 0 || q.notTags.length > 0) {
    const has = (tag: string) => hasTag(paper.tags, tag);
    if (!q.tags.every(has) || q.notTags.some(has)) return false;
  }
  if (q.statuses.length > 0 && !q.statuses.includes(paper.status)) return false;
  if (!q.has.every((what) => hasThing(paper, what)) || q.notHas.some((what) => hasThing(paper, what))) return false;
  if (q.authors.length > 0) {
    const names = foldText([...paper.authors, ...paper.editors].join('\n'));
    if (!q.authors.every((a) => containsWordPrefix(names, a))) return false;
  }
  if (q.notStatuses.includes(paper.status)) return false;
  for (const { op, year } of q.years) {
    if (paper.year === null) return false;
    const ok =
      op === '='
        ? paper.year === year
        : op === '!='
          ? paper.year !== year
          : op === '>'
            ? paper.year > year
            : op === '>='
              ? paper.year >= year
              : op === '<'
                ? paper.year < year
                : paper.year <= year;
    if (!ok) return false;
  }
  return true;
}

/** Text conditions over the paper's searchable text, already folded. See `containsTerm` for what a term matches. */
export function matchesText(lowerText: string, q: SearchQuery): boolean {
  for (const phrase of q.phrases) if (!containsTerm(lowerText, phrase)) return false;
  for (const word of q.words) if (!containsTerm(lowerText, word)) return false;
  for (const word of q.excluded) if (containsTerm(lowerText, word)) return false;
  return true;
}

/** The same conditions over a paper's text kept in parts (record, content): each term may sit in any part, never across two. */
export function matchesTextParts(first: string, second: string, q: SearchQuery): boolean {
  const has = (term: string) => containsTerm(first, term) || containsTerm(second, term);
  for (const phrase of q.phrases) if (!has(phrase)) return false;
  for (const word of q.words) if (!has(word)) return false;
  for (const word of q.excluded) if (has(word)) return false;
  return true;
}

const termMatchers = new Map<string, (text: string) => boolean>();

/**
 * Whether `term` (folded) occurs in `text` (folded): its words in order, separated by anything that is not a
 * letter or digit, the first starting a word and the last a prefix of one. So `state space` finds
 * "state-space models", `gpt-4` finds "GPT 4o", `68%` finds "68\%". (Terms with no letters or digits are
 * left out of a search when it is parsed.)
 */
export function containsTerm(text: string, term: string): boolean {
  let matcher = termMatchers.get(term);
  if (!matcher) {
    matcher = termMatcher(term);
    if (termMatchers.size > 500) termMatchers.clear();
    termMatchers.set(term, matcher);
  }
  return matcher(text);
}

function termMatcher(term: string): (text: string) => boolean {
  const tokens = termTokens(term);
  if (tokens.length === 1 && tokens[0] === term) return (text) => containsWordPrefix(text, term);
  const pattern = termPattern(term, 'u');
  return pattern === null ? () => true : (text) => pattern.test(text);
}

/** Whether `word` starts a word somewhere in `text` (both folded). */
export function containsWordPrefix(text: string, word: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(word, from);
    if (at < 0) return false;
    if (at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1] ?? '')) return true;
    from = at + 1;
  }
}
