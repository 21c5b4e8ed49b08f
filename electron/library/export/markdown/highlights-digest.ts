import path from 'node:path';
import { COLOR_MEANINGS, type Paper } from '../../../../shared/models/paper.js';
import { inTextOrder } from '../../../../shared/models/annotation-order.js';
import { LibraryError } from '../../storage/errors.js';
import { escapeInline, escapeMarkdown, escapePaperText } from './escape.js';
import { highlightQuote } from './highlight-quote.js';
import { paperAsText } from '../paper-text.js';
import { readManifest } from '../export-manifest.js';
import { writeOwnedFile } from '../owned-file.js';
import type { z } from 'zod';
import type { DigestReportSchema } from '../../../../shared/models/export-report.js';

export type DigestReport = z.output<typeof DigestReportSchema>;

/**
 * Every highlight across the papers in one Markdown file, grouped by paper, each linking back to the
 * paper's own exported note (`[[file#^highlight]]`) when there is one. For a literature-review note.
 */
export function renderHighlightsDigest(
  papers: readonly Paper[],
  fileOf: (paperId: string) => string | undefined,
): { markdown: string; highlights: number; papers: number } {
  const withHighlights = papers.filter((p) => p.annotations.length > 0).map(paperAsText);
  const count = withHighlights.reduce((n, p) => n + p.annotations.length, 0);
  const lines = [
    '# Highlights',
    '',
    `*${count} highlight${count === 1 ? '' : 's'} from ${withHighlights.length} paper${withHighlights.length === 1 ? '' : 's'}, exported by Margin.*`,
  ];
  for (const paper of withHighlights) {
    const file = fileOf(paper.id);
    const stem = file?.replace(/\.md$/, '');
    lines.push(
      '',
      `## ${stem ? `[[${stem}|${escapePaperText(paper.title, false).replace(/\|/g, '\\|')}]]` : escapePaperText(paper.title, false)}`,
    );
    const facts = [
      paper.authors.length > 0
        ? escapeInline(paper.authors.slice(0, 3).join(', ') + (paper.authors.length > 3 ? ' et al.' : ''))
        : '',
      paper.year === null ? '' : String(paper.year),
    ].filter(Boolean);
    if (facts.length > 0) lines.push('', facts.join(' · '));
    for (const a of inTextOrder(paper.annotations)) {
      const link = stem ? ` ([[${stem}#^${a.id}|source]])` : '';
      lines.push(
        '',
        highlightQuote(a),
        '',
        `**${COLOR_MEANINGS[a.color]}**${a.comment.trim() ? `: ${escapeMarkdown(a.comment.trim())}` : ''}${link}`,
      );
    }
  }
  return { markdown: `${lines.join('\n')}\n`, highlights: count, papers: withHighlights.length };
}

/** Write the digest, unless the file there is not what Margin last wrote (then it is reported, never overwritten). */
export async function exportHighlightsDigest(
  papers: readonly Paper[],
  filePath: string,
  options: { dryRun: boolean },
): Promise<DigestReport> {
  const full = path.resolve(filePath);
  if (!full.endsWith('.md'))
    throw new LibraryError('invalid-request', `${filePath}: the highlights file must end in .md`);
  const manifest = await readManifest(path.dirname(full));
  const { markdown, highlights, papers: count } = renderHighlightsDigest(papers, (id) => manifest.papers[id]?.file);
  const result = await writeOwnedFile(full, markdown, options);
  return { ...result, highlights, papers: count };
}
