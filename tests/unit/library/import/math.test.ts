import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bibliography } from '../../../../electron/library/export/bibliography/export-bibliography.js';
import { escapeMarkdown, escapePaperText } from '../../../../electron/library/export/markdown/escape.js';
import { parseBibtex } from '../../../../electron/library/import/bibtex.js';
import { parseImport } from '../../../../electron/library/import/parse-import.js';
import { withoutMarkup } from '../../../../shared/text/without-markup.js';
import type { ParsedEntry } from '../../../../electron/library/paper/entry.js';
import type { Paper } from '../../../../shared/models/paper.js';
import { decodeBytes } from '../../../../shared/text/decode.js';
import { texSegments } from '../../../../shared/text/tex-segments.js';
import { paperRecord } from '../../../helpers/paper-record.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures');
/** Any tag a parser or a source could leave in text: HTML, JATS, MathML, the BibTeX parser's own. */
const MARKUP = /<\/?(sub|sup|i|b|em|strong|a|span|p|br|li|sc|nc|ncx|code|tt|u|(jats|mml):[a-z-]+|math)\b[^<>]*>/i;

function importFile(file: string): readonly ParsedEntry[] {
  const decoded = decodeBytes(readFileSync(file));
  return parseImport(decoded.text, 'auto', { fileName: path.basename(file), today: new Date('2026-11-27T12:00:00Z') })
    .entries;
}

function textFields(entry: ParsedEntry): string[] {
  return [entry.title, entry.abstract ?? '', entry.venue ?? '', ...entry.authors, ...entry.editors, ...entry.tags];
}

function byTitle(entries: readonly ParsedEntry[], start: string): ParsedEntry {
  const entry = entries.find((e) => e.title.startsWith(start));
  if (!entry) throw new Error(`no entry titled "${start}…" among ${entries.map((e) => e.title).join(' | ')}`);
  return entry;
}

/** Every real export in the fixtures (tests/fixtures/*​/SOURCES.md say where each comes from). */
function realFiles(): string[] {
  const folders = ['import-real/bibtex', 'import-real/ris', 'import-real/csl-json', 'math'].map((f) =>
    path.join(FIXTURES, f),
  );
  const holdout = path.join(FIXTURES, 'import-holdout');
  for (const format of readdirSync(holdout, { withFileTypes: true }))
    if (format.isDirectory()) folders.push(path.join(holdout, format.name));
  return folders.flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => /\.(bib|ris|json)$/.test(name) && !name.endsWith('.expected.json'))
      .map((name) => path.join(dir, name)),
  );
}

describe('math in real BibTeX files (tests/fixtures/math)', () => {
  const math = (name: string) => importFile(path.join(FIXTURES, 'math', name));

  it('keeps each formula as the TeX its author wrote, in titles and abstracts', () => {
    expect(math('bbt-627-math-formatting.bib')[0]?.title).toBe(
      'Nonequilibrium Propagation and Decay of a Bound Pair in Driven $t$-$J$ Models',
    );
    expect(math('bbt-1468-langle.bib')[0]?.title).toContain('Structured $\\langle{}00\\overline{1}\\rangle$ InAs');
    expect(math('bbt-873-planning-excerpt.bib')[0]?.title).toBe(
      'OCL$_h$: a sound and supportive planning domain modelling language',
    );
    const magnetism = byTitle(math('bbt-97-jabref-excerpt.bib'), 'The Magnetochemistry');
    expect(magnetism.abstract).toContain('from 1060 $^\\circ$C has a gram susceptibility of -0.155 x 10$^{-6}$');
    expect(magnetism.abstract).toContain('from $\\chi_g$ = -0.150 x 10$^{-6}$ at 293 $^\\circ$K');
    expect(byTitle(math('bbt-97-jabref-excerpt.bib'), 'Nanostructured').title).toBe(
      'Nanostructured Cu$_2$O thin film electrodes prepared by electrodeposition for rechargeable lithium batteries',
    );
  });

  it('turns text-mode TeX around formulas into characters', () => {
    const title = byTitle(math('bbt-472-math-markup.bib'), 'Test Title With').title;
    expect(title).toContain('$\\mu$J');
    expect(title).toContain('and $\\pm$0.1% Accuracy, 0.2 mm$^2$ Size, and $-$50 dB Attenuation');
    expect(title).not.toMatch(/\\mbox|\\,|~/);
  });

  it('stores formulas the reader finds: no dollar is left outside one', () => {
    for (const file of readdirSync(path.join(FIXTURES, 'math')).filter((f) => f.endsWith('.bib')))
      for (const entry of math(file))
        for (const field of [entry.title, entry.abstract ?? ''])
          for (const segment of texSegments(field))
            if (segment.kind === 'text') expect(segment.source, `${file}: ${field}`).not.toContain('$');
  });
});

describe('no HTML in stored text', () => {
  it('holds for every field of every real export in the fixtures', () => {
    const files = realFiles();
    expect(files.length).toBeGreaterThan(40);
    for (const file of files)
      for (const entry of importFile(file))
        for (const field of textFields(entry)) expect(field, path.relative(FIXTURES, file)).not.toMatch(MARKUP);
  });

  it('turns the BibTeX parser’s markup into text and keeps every kind of formula as TeX', () => {
    const bib = String.raw`@article{k,
  title = {A \textit{norm} \|x\| and \url{https://example.org/a_b}},
  abstract = {Inline \(\sum_{i=1}^n x_i\), display \[x^2\] and $$\frac{a}{b}$$, \ensuremath{\alpha_t}, {\em em} and H\textsubscript{2}O.},
  year = {2024}
}`;
    const [entry] = parseBibtex(bib, 'math.bib').entries;
    expect(entry?.title).toBe('A norm ‖x‖ and https://example.org/a_b');
    expect(entry?.abstract).toBe(
      'Inline \\(\\sum_{i=1}^n x_i\\), display \\[x^2\\] and $$\\frac{a}{b}$$, $\\alpha_t$, em and H₂O.',
    );
  });

  it('takes rich text from CSL-JSON, Crossref and RIS apart: nested scripts, links, JATS and MathML formulas', () => {
    expect(withoutMarkup('x<sub><i>ij</i></sub> and CO<SUB>2</SUB> of 10<sup>-<i>k</i></sup>')).toBe(
      'xᵢⱼ and CO₂ of 10-k',
    );
    expect(withoutMarkup('see <a href="https://x.org">the site</a><br/>and <jats:p>more</jats:p>')).toBe(
      'see the site and more',
    );
    const crossref =
      '<jats:p>Bounds of <mml:math xmlns:mml="http://www.w3.org/1998/Math/MathML"><mml:semantics><mml:mrow><mml:mi>O</mml:mi></mml:mrow><mml:annotation encoding="application/x-tex">O(n \\log n)</mml:annotation></mml:semantics></mml:math> and <mml:math><mml:msup><mml:mi>n</mml:mi><mml:mn>2</mml:mn></mml:msup></mml:math>, <jats:inline-formula><jats:tex-math>\\alpha &lt; 1</jats:tex-math></jats:inline-formula>.</jats:p>';
    expect(withoutMarkup(crossref)).toBe('Bounds of $O(n \\log n)$ and n2, $\\alpha &lt; 1$.');
  });
});

describe('formulas in exports', () => {
  const paper = (title: string, abstract: string): Paper => ({
    ...paperRecord('math0000000001', { title }),
    abstract,
    note: null,
    annotations: [],
  });

  it('writes BibTeX with formulas as TeX and everything else escaped, and reads it back the same', () => {
    const stored = paper(
      'Sparse recovery in the $\\ell_1$ norm for $5 and $6',
      'We bound $\\sum_{i=1}^n x_i$ and \\(\\|x\\|_2\\) in 68% of runs at $5 and $6.',
    );
    const bib = bibliography([stored], 'bibtex');
    expect(bib).toContain('title = {{Sparse recovery in the $\\ell_1$ norm for \\$5 and \\$6}}');
    expect(bib).toContain(
      'abstract = {We bound $\\sum_{i=1}^n x_i$ and \\(\\|x\\|_2\\) in 68\\% of runs at \\$5 and \\$6.}',
    );
    const [back] = parseBibtex(bib, 'export.bib').entries;
    expect(back?.title).toBe(stored.title);
    expect(back?.abstract).toBe(stored.abstract);
  });

  it('writes a paper’s text-mode TeX into Markdown as the characters it means, and a comment as written', () => {
    const arxiv = 'We reach 68\\% with {\\em sparse} codes, as Erd\\H{o}s guessed, in $O(n \\log n)$ -- <b>fast</b>.';
    expect(escapePaperText(arxiv)).toBe('We reach 68% with sparse codes, as Erdős guessed, in $O(n \\log n)$ – fast.');
    expect(escapeMarkdown('my comment -- with \\emph{this}')).toBe('my comment -- with \\\\emph{this}');
  });

  it('writes Markdown with formulas as Obsidian reads them: $…$ and $$…$$', () => {
    expect(escapeMarkdown('A \\(x_i\\), \\[y^2\\], $$z$$ and $w_1$ for $5 and $6.')).toBe(
      'A $x_i$, $$y^2$$, $$z$$ and $w_1$ for \\$5 and \\$6.',
    );
  });
});

describe('HTML an older import stored', () => {
  it('is left out of every export, highlight quotes included, while the library keeps what it stored', () => {
    const stored: Paper = {
      ...paperRecord('legacy00000001', { title: 'CO<sub>2</sub> capture in <i>vivo</i>', venue: '<i>Nature</i>' }),
      abstract: 'We capture CO<sub>2</sub> with $x_i$.',
      note: null,
      annotations: [],
    };
    for (const format of ['bibtex', 'csl-json'] as const) {
      const file = bibliography([stored], format);
      expect(file, format).not.toMatch(MARKUP);
      expect(file, format).toContain('CO₂ capture in vivo');
    }
    expect(stored.title).toBe('CO<sub>2</sub> capture in <i>vivo</i>');
  });
});
