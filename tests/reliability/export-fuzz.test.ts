import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { bibliography } from '../../electron/library/export/bibliography/export-bibliography.js';
import { paperMarkdown } from '../../electron/library/export/markdown/export-markdown.js';
import { parseImport } from '../../electron/library/import/parse-import.js';
import { recordFromEntry } from '../../electron/library/merge/merge-entry.js';
import { random } from '../../scripts/bench/synthetic.js';
import { ANNOTATION_COLORS, PaperIdSchema, type Annotation, type Paper } from '../../shared/models/paper.js';

// Issue 12: generated hostile papers (with a hostile highlight comment and note each) go through import, then
// BibTeX, CSL-JSON and Markdown export, and each export is read back: no entry, field, HTML element, link or
// front-matter key appears that was not written.
const PAPERS = Number(process.env.MARGIN_EXPORT_FUZZ ?? 1000);
const now = '2026-11-27T12:00:00.000Z';
const today = new Date(now);

const PIECES = [
  '}',
  '{',
  '}}\n@misc{evil, title={x}}',
  '@misc{',
  '\\input{/etc/passwd}',
  '\\immediate\\write18{rm -rf ~}',
  '$',
  '$x$',
  '$ <iframe src=x></iframe> $',
  '$}}@misc{y,$',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[link](javascript:alert(1))',
  '<https://evil.example>',
  '`code`',
  '```',
  '[[Wiki]]',
  '![[embed]]',
  '%%comment%%',
  '==mark==',
  '^block',
  '#tag',
  '---',
  '\n---\nevil: true\n---\n',
  'key: value',
  '"',
  "'",
  '\\',
  '#',
  '%',
  '&',
  '_',
  '~',
  '^',
  '<',
  '>',
  '|',
  '\n',
  '\t',
  '\u2028',
  'constructor',
  '__proto__',
  'toString',
  '😀',
  'ö',
  'and',
  ',',
  ';',
  '(',
  ')',
  ' ',
];

function hostileText(rand: () => number, words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++)
    parts.push(rand() < 0.5 ? (PIECES[Math.floor(rand() * PIECES.length)] ?? '') : `word${Math.floor(rand() * 100)}`);
  return parts.join(rand() < 0.5 ? ' ' : '');
}

interface Node {
  readonly type: string;
  readonly url?: string;
  readonly value?: string;
  readonly children?: readonly Node[];
}

function walk(node: Node, out: Node[] = []): Node[] {
  out.push(node);
  for (const child of node.children ?? []) walk(child, out);
  return out;
}

describe('export fuzzing', () => {
  it(`${PAPERS} hostile papers: every export reads back to exactly what was written`, () => {
    const rand = random(12);
    const items = Array.from({ length: PAPERS }, (_, i) => ({
      id: `item${i}`,
      'citation-key': hostileText(rand, 3),
      type: 'article-journal',
      title: `${hostileText(rand, 6)} ${i}`,
      author: [{ family: hostileText(rand, 2) || 'X', given: hostileText(rand, 1) }],
      abstract: hostileText(rand, 30),
      DOI: `10.${1000 + i}/${hostileText(rand, 2).replace(/\s/g, '')}`,
      URL:
        rand() < 0.5 ? `https://example.org/${i}?q=${encodeURIComponent(hostileText(rand, 2))}` : hostileText(rand, 2),
      'container-title': hostileText(rand, 3),
      keyword: hostileText(rand, 2).replace(/[,;]/g, ''),
    }));
    const imported = parseImport(JSON.stringify(items), 'auto', { fileName: 'hostile.json', today });
    expect(imported.entries).toHaveLength(PAPERS);
    const papers: Paper[] = imported.entries.map((entry, i) => {
      const { record, content } = recordFromEntry(
        entry,
        PaperIdSchema.parse(`fuzz${String(i).padStart(8, '0')}`),
        [],
        now,
      );
      // A highlight on the abstract with a hostile comment: quotes and comments are Margin's to escape.
      const abstract = content.abstract ?? '';
      const end = Math.min(abstract.length, 1 + Math.floor(rand() * 60));
      const annotations: Annotation[] =
        abstract === ''
          ? []
          : [
              {
                id: `h${i}`,
                quote: abstract.slice(0, end),
                prefix: '',
                suffix: abstract.slice(end, end + 32),
                start: 0,
                end,
                abstractHash: 'fuzz',
                color: ANNOTATION_COLORS[i % ANNOTATION_COLORS.length] ?? 'yellow',
                comment: hostileText(rand, 12),
                state: 'anchored',
                pdf: null,
                createdAt: now,
                updatedAt: now,
              },
            ];
      return {
        ...record,
        ...content,
        annotationCount: annotations.length,
        annotations,
        note: { text: hostileText(rand, 20), updatedAt: now },
      };
    });

    // BibTeX: the same number of entries, with the titles, abstracts and DOIs written.
    const bib = bibliography(papers, 'bibtex');
    const fromBib = parseImport(bib, 'bibtex', { fileName: 'export.bib', today });
    expect(fromBib.failures).toEqual([]);
    expect(fromBib.entries.map((e) => [e.title, e.abstract, e.doi])).toEqual(
      papers.map((p) => [p.title, p.abstract, p.doi]),
    );
    expect(bib.match(/^@/gm)).toHaveLength(PAPERS);

    // CSL-JSON: one item per paper, with only the keys Margin writes.
    const csl = JSON.parse(bibliography(papers, 'csl-json')) as Array<Record<string, unknown>>;
    expect(csl).toHaveLength(PAPERS);
    const allowed = new Set([
      'id',
      'type',
      'citation-key',
      'title',
      'author',
      'editor',
      'issued',
      'abstract',
      'DOI',
      'URL',
      'container-title',
      'keyword',
      'note',
      'number',
    ]);
    expect(csl.flatMap((item) => Object.keys(item)).filter((key) => !allowed.has(key))).toEqual([]);

    // Markdown: Margin's front-matter keys only, no HTML but its markers, no code, and only its own links.
    for (const p of papers) {
      const md = paperMarkdown(p);
      const front = /^---\n([\s\S]*?)\n---\n/.exec(md);
      expect(Object.keys(parseYaml(front?.[1] ?? '') as object).sort(), p.id).toEqual([
        'added',
        'arxiv',
        'authors',
        'doi',
        'margin-id',
        'status',
        'tags',
        'title',
        'url',
        'year',
      ]);
      // The note section is the user's own Markdown, written as they wrote it; everything else is Margin's.
      const body = md.slice(front?.[0].length ?? 0).replace(/<!-- margin:note -->[\s\S]*<!-- \/margin:note -->/, '');
      const nodes = walk(fromMarkdown(body));
      expect(
        nodes.filter((n) => n.type === 'html' && !/^<!-- \/?margin:[a-z]+ -->$/.test(n.value ?? '')),
        p.id,
      ).toEqual([]);
      expect(
        nodes.filter((n) => n.type === 'inlineCode' || n.type === 'code'),
        p.id,
      ).toEqual([]);
      const links = nodes.filter((n) => n.type === 'link').map((n) => n.url ?? '');
      expect(
        links.every(
          (url) => url.startsWith('https://doi.org/') || url.startsWith('https://arxiv.org/abs/') || url === p.url,
        ),
        `${p.id}: ${links.join(' ')}`,
      ).toBe(true);
    }
  }, 300_000);
});
