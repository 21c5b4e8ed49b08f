import type { Paper } from '../../../../shared/models/paper.js';
import { own } from '../../../../shared/own.js';
import { texSegments } from '../../../../shared/text/tex-segments.js';
import { BIBTEX_KEY } from '../../paper/citation-key.js';

/** Characters BibTeX reads as syntax, escaped so titles and abstracts come back exactly. */
const SPECIALS: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '#': '\\#',
  $: '\\$',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
};

/** Text for a BibTeX field: specials escaped, Unicode kept (BibLaTeX and modern BibTeX read UTF-8). */
export function escapeBibtex(text: string): string {
  return escapeSpecials(text).replace(/\s+/g, ' ').trim();
}

/** Specials and ligatures escaped, spacing left as it is (so pieces of a field join without losing spaces). */
function escapeSpecials(text: string): string {
  return (
    text
      .replace(/[\\{}#$%&_~^<>]/g, (ch) => own(SPECIALS, ch) ?? ch)
      // TeX ligatures would turn `--` into a dash and two quotes into curly ones: break them up.
      .replace(/-(?=-)/g, '-{}')
      .replace(/`(?=`)/g, '`{}')
      .replace(/'(?=')/g, "'{}")
      .replace(/([!?])(?=`)/g, '$1{}')
  );
}

/**
 * Titles and abstracts keep their formulas (`$…$`, `$$…$$`, `\\(…\\)`, as the app finds them) as TeX, so
 * math survives a trip through LaTeX tools, but only a formula that cannot break out of its field or run
 * anything: braces balanced, no `@`, and none of TeX's file, shell or definition commands. Anything else,
 * money like `$5 and $6` included, is written as escaped text.
 */
function escapeWithMath(text: string): string {
  return texSegments(text)
    .map((segment) =>
      segment.kind === 'math' && isSafeMath(segment.source) ? segment.source : escapeSpecials(segment.source),
    )
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

const UNSAFE_TEX =
  /\\(input|include|write|immediate|openout|openin|read|catcode|def|edef|gdef|xdef|let|csname|special|usepackage|newcommand|renewcommand|providecommand|directlua|url|href|verb)(?![A-Za-z])/;

function isSafeMath(formula: string): boolean {
  if (formula.includes('@') || UNSAFE_TEX.test(formula)) return false;
  let depth = 0;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '\\')
      i++; // an escaped brace is no brace
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

const PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'dos',
  'das',
  'ter',
  'ten',
  'bin',
  'al',
]);
const SUFFIXES = /^(jr\.?|sr\.?|ii|iii|iv|v)$/i;
/** Words that make a name an organisation's, written braced whole so BibTeX never splits it into people. */
const ORGANISATION =
  /\b(and|of|for|the|association|collaboration|commission|committee|consortium|council|group|institute|organi[sz]ation|society|team|university|agency|department|office|foundation|project|network|laborator(y|ies)|centre|center|inc|ltd|corporation|company)\b/i;

/**
 * A name in BibTeX's own form, so it reads back as the same person: `First van Last` → `van Last, First`,
 * `First Last III` → `Last, III, First`; an organisation's name (or any name BibTeX could not split
 * safely) is braced whole.
 */
export function bibtexName(name: string): string {
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || words.length > 6 || ORGANISATION.test(name) || name.includes(','))
    return `{${escapeBibtex(name)}}`;
  const suffix = words.length > 2 && SUFFIXES.test(words.at(-1) ?? '') ? words.pop() : undefined;
  let split = words.length - 1;
  while (split > 1 && PARTICLES.has((words[split - 1] ?? '').toLowerCase())) split--;
  const given = words.slice(0, split).join(' ');
  const family = words.slice(split).join(' ');
  return suffix
    ? `${escapeBibtex(family)}, ${escapeBibtex(suffix)}, ${escapeBibtex(given)}`
    : `${escapeBibtex(family)}, ${escapeBibtex(given)}`;
}

/**
 * Verbatim fields (doi, url) are written as they are: only braces, which would end the field, and the
 * backslash, which would escape the closing brace, are percent-encoded.
 */
function verbatim(value: string): string {
  return value.replace(/[{}\\$]/g, encodeURIComponent);
}

/** One paper as a BibTeX entry with its stable key. */
export function bibtexEntry(paper: Paper, wanted: string): string {
  // A key that arrived from elsewhere (an old library, a hostile CSL-JSON file) is written only when valid.
  const key = BIBTEX_KEY.test(wanted) ? wanted : paper.id;
  const fields: Array<[string, string]> = [];
  // Double braces keep the title's capitals as written.
  fields.push(['title', `{${escapeWithMath(paper.title)}}`]);
  if (paper.authors.length > 0) fields.push(['author', paper.authors.map(bibtexName).join(' and ')]);
  if (paper.editors.length > 0) fields.push(['editor', paper.editors.map(bibtexName).join(' and ')]);
  if (paper.year !== null) fields.push(['year', String(paper.year)]);
  if (paper.venue) fields.push([paper.arxivId && !paper.doi ? 'howpublished' : 'journal', escapeBibtex(paper.venue)]);
  if (paper.doi) fields.push(['doi', verbatim(paper.doi)]);
  if (paper.arxivId) {
    fields.push(['eprint', paper.arxivId]);
    fields.push(['archiveprefix', 'arXiv']);
  }
  if (paper.url) fields.push(['url', verbatim(paper.url)]);
  if (paper.tags.length > 0) fields.push(['keywords', paper.tags.map(escapeBibtex).join(', ')]);
  if (paper.abstract) fields.push(['abstract', escapeWithMath(paper.abstract)]);
  const type = paper.venue && paper.doi ? 'article' : 'misc';
  return `@${type}{${key},\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')}\n}\n`;
}

export function bibtexFile(papers: ReadonlyArray<{ paper: Paper; key: string }>): string {
  return `% Exported by Margin\n\n${papers.map(({ paper, key }) => bibtexEntry(paper, key)).join('\n')}`;
}
