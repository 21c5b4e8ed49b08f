// Import files as reference managers write them (Zotero with Better BibTeX, RIS, CSL-JSON), for the import bench.
import { random, VOCABULARY } from './synthetic.js';

const GIVEN = [
  'Ada',
  'Łukasz',
  'Jürgen',
  'José',
  'Zoë',
  'François',
  'Søren',
  'Chelsea',
  'Yann',
  'Noam',
  'Bảo',
  'İlker',
];
const FAMILY = ['Lovelace', 'Kaiser', 'Schmidhuber', 'García', 'Dvořák', 'Ng', 'Müller', 'Ó Súilleabháin', 'Erdős'];
/** Surnames beyond the accented ones: the long tail of a real library's authors (a few hundred write most papers). */
const MORE_FAMILIES = VOCABULARY.slice(-3000).map((w) => w.charAt(0).toUpperCase() + w.slice(1));
/** How Better BibTeX writes the non-ASCII letters above. */
const TEX_LETTERS: ReadonlyArray<[string, string]> = [
  ['Ł', '{\\L}'],
  ['ü', '{\\"u}'],
  ['é', "{\\'e}"],
  ['ë', '{\\"e}'],
  ['ç', '{\\c c}'],
  ['ø', '{\\o}'],
  ['ả', '{\\h a}'],
  ['İ', '{\\.I}'],
  ['í', "{\\'i}"],
  ['ř', '{\\v r}'],
  ['Ó', "{\\'O}"],
  ['á', "{\\'a}"],
  ['ő', '{\\H o}'],
];
const JOURNALS: ReadonlyArray<[string, string]> = [
  ['jmlr', 'Journal of Machine Learning Research'],
  ['neurips', 'Advances in Neural Information Processing Systems'],
  ['tpami', 'IEEE Transactions on Pattern Analysis and Machine Intelligence'],
  ['nature', 'Nature'],
];

/** One paper's metadata, written out by each format below. */
interface SyntheticRef {
  readonly key: string;
  readonly title: string;
  readonly authors: ReadonlyArray<{ given: string; family: string }>;
  readonly year: number;
  readonly month: number;
  readonly journal: number;
  readonly abstract: string;
  readonly doi: string | null;
  readonly arxiv: string | null;
  readonly keywords: readonly string[];
  readonly index: number;
}

function words(rand: () => number, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(VOCABULARY[Math.floor(rand() ** 3 * VOCABULARY.length)] ?? 'model');
  return out.join(' ');
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  const value = list[Math.floor(rand() * list.length)];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
}

function syntheticRef(index: number, rand: () => number): SyntheticRef {
  const title = words(rand, 8 + Math.floor(rand() * 6));
  const authors = Array.from({ length: 3 + Math.floor(rand() * 18) }, () => ({
    given: pick(rand, GIVEN),
    family:
      rand() < 0.15 ? pick(rand, FAMILY) : (MORE_FAMILIES[Math.floor(rand() ** 2 * MORE_FAMILIES.length)] ?? 'Smith'),
  }));
  const sentences: string[] = [];
  while (sentences.join(' ').length < 1200 + rand() * 400)
    sentences.push(`${words(rand, 12 + Math.floor(rand() * 10))}.`);
  return {
    key: `${(authors[0]?.family ?? 'anon').toLowerCase().replace(/[^a-z]/g, '')}${2000 + (index % 26)}${title.split(' ')[0]}${index}`,
    title: title.charAt(0).toUpperCase() + title.slice(1),
    authors,
    year: 2000 + (index % 26),
    month: 1 + (index % 12),
    journal: index % JOURNALS.length,
    abstract: sentences.join(' '),
    doi: rand() < 0.7 ? `10.${1000 + (index % 9000)}/bench.${index}` : null,
    arxiv:
      rand() < 0.5
        ? `${String(10 + (index % 15))}${String(1 + (index % 12)).padStart(2, '0')}.${String(index).padStart(5, '0')}`
        : null,
    keywords: [words(rand, 2), words(rand, 1), 'Computer Science - Machine Learning'],
    index,
  };
}

/** `count` references from a fixed seed. */
export function syntheticRefs(count: number, seed = 7): SyntheticRef[] {
  const rand = random(seed);
  return Array.from({ length: count }, (_, i) => syntheticRef(i, rand));
}

function tex(text: string): string {
  let out = text;
  for (const [letter, written] of TEX_LETTERS) out = out.split(letter).join(written);
  return out;
}

/** A Better BibTeX abstract: math, a percentage, emphasis, a braced acronym, a URL. */
function texAbstract(ref: SyntheticRef): string {
  const [first = '', ...rest] = ref.abstract.split('. ');
  return (
    `${first} in $O(n \\log n)$ time with {{GPU}} kernels and \\emph{${ref.keywords[1] ?? 'sparse'}} attention, ` +
    `improving accuracy by 12.5\\% over $\\mathcal{L}_{\\text{ce}}$. ${rest.join('. ')} ` +
    `Code: \\url{https://github.com/bench/repo${ref.index}}.`
  );
}

/** Zotero + Better BibTeX (biblatex): `@string` macros, TeX accents, protected capitals, file fields. */
export function betterBibtex(refs: readonly SyntheticRef[]): string {
  const macros = JOURNALS.map(([name, value]) => `@string{${name} = {${value}}}`).join('\n');
  const entries = refs.map((ref) => {
    const [macro] = JOURNALS[ref.journal] ?? ['jmlr'];
    const lines = [
      `@article{${ref.key},`,
      `  title = {${tex(ref.title.replace(/\b(\w+)$/, '{{$1}}'))}: {{A}} {{Study}}},`,
      `  author = {${ref.authors.map((a) => `${tex(a.family)}, ${tex(a.given)}`).join(' and ')}},`,
      `  date = {${ref.year}-${String(ref.month).padStart(2, '0')}},`,
      `  journaltitle = ${macro},`,
      `  volume = {${ref.index % 40}},`,
      `  pages = {${ref.index % 900}--${(ref.index % 900) + 12}},`,
      ...(ref.doi ? [`  doi = {${ref.doi}},`] : []),
      ...(ref.arxiv
        ? [`  eprint = {${ref.arxiv}},`, '  eprinttype = {arxiv},', `  url = {http://arxiv.org/abs/${ref.arxiv}},`]
        : [`  url = {https://example.org/papers/${ref.index}?lang=en&v=2},`]),
      `  urldate = {2024-0${1 + (ref.index % 9)}-1${ref.index % 10}},`,
      `  abstract = {${tex(texAbstract(ref))}},`,
      `  keywords = {${ref.keywords.join(', ')}},`,
      `  file = {/home/me/Zotero/storage/K${ref.index}/${ref.authors[0]?.family ?? 'Anon'} et al. - ${ref.year}.pdf:application/pdf;/home/me/Zotero/storage/S${ref.index}/Snapshot.html:text/html}`,
      '}',
    ];
    return lines.join('\n');
  });
  return `${macros}\n\n${entries.join('\n\n')}\n`;
}

/** RIS as Zotero exports it. */
export function risExport(refs: readonly SyntheticRef[]): string {
  return refs
    .map((ref) =>
      [
        'TY  - JOUR',
        `TI  - ${ref.title}`,
        ...ref.authors.map((a) => `AU  - ${a.family}, ${a.given}`),
        `T2  - ${JOURNALS[ref.journal]?.[1] ?? ''}`,
        `AB  - ${ref.abstract}`,
        `DA  - ${ref.year}/${String(ref.month).padStart(2, '0')}//`,
        `PY  - ${ref.year}`,
        ...(ref.doi ? [`DO  - ${ref.doi}`] : []),
        `UR  - ${ref.arxiv ? `http://arxiv.org/abs/${ref.arxiv}` : `https://example.org/papers/${ref.index}`}`,
        ...ref.keywords.map((k) => `KW  - ${k}`),
        `L1  - /home/me/Zotero/storage/K${ref.index}/paper.pdf`,
        'ER  - ',
        '',
      ].join('\n'),
    )
    .join('\n');
}

/** CSL-JSON as Zotero and citation-js write it. */
export function cslJsonExport(refs: readonly SyntheticRef[]): string {
  return JSON.stringify(
    refs.map((ref) => ({
      id: ref.key,
      type: 'article-journal',
      title: ref.title,
      author: ref.authors.map((a) => ({ family: a.family, given: a.given })),
      'container-title': JOURNALS[ref.journal]?.[1],
      abstract: ref.abstract,
      issued: { 'date-parts': [[ref.year, ref.month]] },
      ...(ref.doi ? { DOI: ref.doi } : {}),
      URL: ref.arxiv ? `http://arxiv.org/abs/${ref.arxiv}` : `https://example.org/papers/${ref.index}`,
      keyword: ref.keywords.join(', '),
    })),
    null,
    2,
  );
}
