import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Annotation, PaperContent, PaperId, PaperRecord } from '../../shared/models/paper.js';
import { ANNOTATION_COLORS, STATUSES, countsOf } from '../../shared/models/paper.js';

/** Deterministic PRNG (mulberry32), so every run measures the same library. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'sparse attention transformer model learning neural network activation pruning training inference memory efficient ' +
  'language diffusion image reconstruction graph retrieval augmented generation reinforcement policy gradient convex ' +
  'optimization stochastic bayesian kernel embedding representation contrastive supervised unsupervised robust adversarial ' +
  'quantization distillation scaling law benchmark dataset evaluation latent variational encoder decoder token context ' +
  'length recurrent state space mixture experts routing federated privacy causal interpretability circuit feature probe ' +
  'alignment preference reward human feedback vision speech protein molecule physics simulation climate medical'
).split(' ');
const PARENTS = ['llm', 'vision', 'theory', 'systems', 'bio', 'rl', 'nlp', 'graphs', 'audio', 'robotics'];
const FIRST = [
  'Ada',
  'Alan',
  'Grace',
  'Yann',
  'Fei-Fei',
  'Geoffrey',
  'Yoshua',
  'Daphne',
  'Andrew',
  'Ilya',
  'Jürgen',
  'Łukasz',
  'Noam',
  'Ashish',
  'Chelsea',
];
const LAST = [
  'Lovelace',
  'Turing',
  'Hopper',
  'LeCun',
  'Li',
  'Hinton',
  'Bengio',
  'Koller',
  'Ng',
  'Sutskever',
  'Schmidhuber',
  'Kaiser',
  'Shazeer',
  'Vaswani',
  'Finn',
];

/** 200 tags named `parent/child`. */
export const TAG_VOCABULARY = Array.from(
  { length: 200 },
  (_, i) => `${PARENTS[i % PARENTS.length]}/${WORDS[i % WORDS.length]}${Math.floor(i / WORDS.length) || ''}`,
);

const SYLLABLES = (
  'ka ro mi ten sa lu vor phi dex qua bel tri nox zen gal por fen lim cor dra ' +
  'mel sto vin rup tal gor bri son quel dim hap jor kel mun pex rav sul tov wen yst'
).split(' ');

/** Made-up words from syllables (deterministic, distinct): the long tail of a real vocabulary. */
function pseudoWords(count: number, taken: ReadonlySet<string>): string[] {
  const rand = random(4242);
  const seen = new Set<string>(taken);
  const out: string[] = [];
  while (out.length < count) {
    const parts = 2 + Math.floor(rand() * 3);
    let word = '';
    for (let i = 0; i < parts; i++) word += SYLLABLES[Math.floor(rand() * SYLLABLES.length)] ?? 'ka';
    if (!seen.has(word)) {
      seen.add(word);
      out.push(word);
    }
  }
  return out;
}

/**
 * The head of the vocabulary: the words of real abstracts (the sample Hugging Face digest in the test
 * fixtures), most frequent first, so "the" and "model" are common and "sparse" is not everywhere.
 */
function realWords(): string[] {
  const file = fileURLToPath(new URL('../../tests/fixtures/daily-papers.txt', import.meta.url));
  const counts = new Map<string, number>();
  for (const word of readFileSync(file, 'utf8')
    .toLowerCase()
    .match(/[a-z]+/g) ?? [])
    counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts]
    .filter(([word, n]) => n >= 2 && (word.length > 1 || word === 'a'))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([word]) => word);
}

/**
 * The vocabulary text is drawn from: real abstracts' words by frequency, the field's terms, then 50,000 made-up
 * rarer ones, sampled by Zipf's law as real text is (a few words everywhere, most words in few papers), so a
 * rare word matches tens of papers and a common one thousands, as in a real library.
 */
export const VOCABULARY: readonly string[] = (() => {
  const head = realWords();
  const known = new Set(head);
  return [...head, ...WORDS.filter((w) => !known.has(w)), ...pseudoWords(50_000, new Set([...head, ...WORDS]))];
})();
const ZIPF_CDF = (() => {
  const cdf = new Float64Array(VOCABULARY.length);
  let sum = 0;
  for (let r = 0; r < VOCABULARY.length; r++) {
    sum += 1 / (r + 1);
    cdf[r] = sum;
  }
  for (let r = 0; r < cdf.length; r++) cdf[r] = (cdf[r] ?? 0) / sum;
  return cdf;
})();

function zipfWord(rand: () => number): string {
  const x = rand();
  let lo = 0;
  let hi = ZIPF_CDF.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ZIPF_CDF[mid] ?? 1) < x) lo = mid + 1;
    else hi = mid;
  }
  return VOCABULARY[lo] ?? 'model';
}

/** How many distinct words these texts use (the benchmark reports it for its corpus). */
export function distinctWords(texts: Iterable<string>): number {
  const words = new Set<string>();
  for (const text of texts) for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w !== '') words.add(w);
  return words.size;
}

function sentence(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(zipfWord(rand));
  const text = out.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function textOfLength(rand: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += `${sentence(rand, 8 + Math.floor(rand() * 12))}. `;
  return text.trim();
}

export interface SyntheticPaper {
  readonly record: PaperRecord;
  readonly content: PaperContent;
}

/** A realistic paper: ~90-character title, ~1,500-character abstract, 3–8 authors, 3 tags; 30% annotated, 10% with notes. */
export function syntheticPaper(index: number, rand: () => number, now: string): SyntheticPaper {
  const id = `syn${index.toString(36).padStart(8, '0')}` as PaperId; // matches PaperIdSchema: lowercase letters and digits
  const abstract = textOfLength(rand, 1400 + Math.floor(rand() * 200));
  const authors = Array.from(
    { length: 3 + Math.floor(rand() * 6) },
    () => `${FIRST[Math.floor(rand() * FIRST.length)]} ${LAST[Math.floor(rand() * LAST.length)]}`,
  );
  const tags = [
    ...new Set(
      Array.from({ length: 3 }, () => TAG_VOCABULARY[Math.floor(rand() * TAG_VOCABULARY.length)] ?? 'llm/misc'),
    ),
  ];
  const annotations: Annotation[] = [];
  if (rand() < 0.3) {
    const start = Math.floor(rand() * 1000);
    const end = start + 40 + Math.floor(rand() * 80);
    annotations.push({
      id: `a${index.toString(36)}`,
      quote: abstract.slice(start, end),
      prefix: abstract.slice(Math.max(0, start - 32), start),
      suffix: abstract.slice(end, end + 32),
      start,
      end,
      abstractHash: 'synthetic',
      color: ANNOTATION_COLORS[index % ANNOTATION_COLORS.length] ?? 'yellow',
      comment: sentence(rand, 10),
      state: 'anchored',
      pdf: null,
      createdAt: now,
      updatedAt: now,
    });
  }
  const content: PaperContent = {
    abstract,
    note: rand() < 0.1 ? { text: textOfLength(rand, 400), updatedAt: now } : null,
    annotations,
  };
  const record: PaperRecord = {
    id,
    title: textOfLength(rand, 85).slice(0, 95).replace(/\.$/, ''),
    authors,
    year: 2000 + Math.floor(rand() * 27),
    publishedAt: null,
    arxivId: `${String(2000 + (index % 600)).padStart(4, '0')}.${String(index).padStart(5, '0')}`,
    arxivVersion: null,
    editors: [],
    doi: null,
    url: null,
    venue: null,
    tags,
    status: STATUSES[Math.floor(rand() * STATUSES.length)] ?? 'inbox',
    source: { format: 'bibtex', fileName: 'synthetic.bib', digestDate: null },
    citationKey: null,
    trashedAt: null,
    attachments: [],
    reading: null,
    ...countsOf(content),
    addedAt: new Date(Date.parse(now) - index * 1000).toISOString(),
    updatedAt: now,
  };
  return { record, content };
}

/** `count` synthetic papers from a fixed seed. */
export function syntheticLibrary(count: number, seed = 42, now = '2026-11-27T09:00:00.000Z'): SyntheticPaper[] {
  const rand = random(seed);
  return Array.from({ length: count }, (_, i) => syntheticPaper(i, rand, now));
}
