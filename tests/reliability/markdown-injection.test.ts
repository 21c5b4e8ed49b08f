import { fromMarkdown } from 'mdast-util-from-markdown';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { paperMarkdown } from '../../electron/library/export/markdown/export-markdown.js';
import type { Paper } from '../../shared/models/paper.js';
import { paperRecord } from '../helpers/paper-record.js';

// Issue 12, item 3: what Margin exports to Markdown is read by a CommonMark parser (mdast, as remark and
// Obsidian's own reader do) and must hold no HTML, no code span and no link that Margin did not write.
const now = '2026-11-27T12:00:00.000Z';

function paper(fields: Partial<Paper>): Paper {
  return {
    ...paperRecord('hostile000000001', {
      title: 'A Paper',
      authors: ['Ada Lovelace'],
      source: { format: 'digest', fileName: null, digestDate: null },
      addedAt: now,
      updatedAt: now,
    }),
    abstract: null,
    note: null,
    annotations: [],
    ...fields,
  };
}

interface Node {
  readonly type: string;
  readonly url?: string;
  readonly value?: string;
  readonly children?: readonly Node[];
}

const FRONT_MATTER_KEYS = ['added', 'arxiv', 'authors', 'doi', 'margin-id', 'status', 'tags', 'title', 'url', 'year'];

/** The file's Markdown nodes; its front matter (YAML, which Obsidian never renders) is checked apart: Margin's keys only. */
function markdownNodes(md: string): Node[] {
  const front = /^---\n([\s\S]*?)\n---\n/.exec(md);
  const yaml: unknown = parseYaml(front?.[1] ?? '');
  expect(Object.keys(yaml as object).sort()).toEqual(FRONT_MATTER_KEYS);
  return walk(fromMarkdown(md.slice(front?.[0].length ?? 0)));
}

function walk(node: Node, out: Node[] = []): Node[] {
  out.push(node);
  for (const child of node.children ?? []) walk(child, out);
  return out;
}

const ATTACKS = [
  '$ <iframe src="https://evil.example"></iframe> $',
  '$ `$= dv.el("b", "pwned")` $',
  '$<img src=x onerror=alert(1)>$',
  '$[click](javascript:alert(1))$',
  'Text <script>alert(1)</script> and `code` and [link](https://evil.example) and <https://evil.example>.',
  'Real math $O(n \\log n)$ and $x^{2}$ stays.',
];

describe('Markdown export holds nothing Margin did not write', () => {
  it('keeps hostile math, HTML, code and links in abstracts, titles and notes as text', () => {
    for (const attack of ATTACKS) {
      const md = paperMarkdown(paper({ title: attack, abstract: attack, note: { text: 'my note', updatedAt: now } }));
      const nodes = markdownNodes(md);
      // The only HTML is Margin's own section markers (comments).
      expect(
        nodes.filter((n) => n.type === 'html' && !/^<!-- \/?margin:[a-z]+ -->$/.test(n.value ?? '')),
        attack,
      ).toEqual([]);
      expect(
        nodes.filter((n) => n.type === 'inlineCode' || n.type === 'code'),
        attack,
      ).toEqual([]);
      expect(
        nodes.filter((n) => n.type === 'link').map((n) => n.url),
        attack,
      ).toEqual([]);
    }
  });

  it('writes identifiers as links that end where they should, whatever the DOI holds', () => {
    const doi = '10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0';
    const md = paperMarkdown(paper({ doi, arxivId: '2401.00001' }));
    const links = markdownNodes(md).filter((n) => n.type === 'link');
    expect(links.map((n) => n.url)).toEqual([
      'https://arxiv.org/abs/2401.00001',
      `https://doi.org/${encodeURI(doi).replace(/[()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    ]);
    expect(decodeURIComponent(links[1]?.url ?? '')).toBe(`https://doi.org/${doi}`);
  });

  it('keeps real math as math for Obsidian', () => {
    const md = paperMarkdown(paper({ abstract: 'Real math $O(n \\log n)$ and $x^{2}$ stays.' }));
    expect(md).toContain('$O(n \\log n)$');
    expect(md).toContain('$x^{2}$');
  });
});
