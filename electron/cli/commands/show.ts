import { parseArgs } from 'node:util';
import { withLibrary } from '../support/context.js';
import { UsageError, printJson, type CliIo } from '../support/io.js';
import { paperJson } from '../support/paper-json.js';

export const showUsage = 'margin show <id> [--json] [--library DIR]';

export async function showCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, library: { type: 'string' } },
  });
  const [id, extra] = positionals;
  if (id === undefined || extra !== undefined) throw new UsageError(`expected one paper id; usage: ${showUsage}`);
  const paper = await withLibrary(io, values.library, 'read', 'margin show', (library) => library.papers.get(id));
  if (values.json) {
    printJson(io, paperJson(paper));
    return 0;
  }
  const details = [paper.year, paper.venue, paper.arxivId && `arXiv:${paper.arxivId}`, paper.doi && `doi:${paper.doi}`]
    .filter(Boolean)
    .join(' · ');
  const lines = [paper.title, paper.authors.join(', ') || '(no authors)'];
  if (details) lines.push(details);
  lines.push(`status: ${paper.status}${paper.tags.length > 0 ? `   tags: ${paper.tags.join(', ')}` : ''}`);
  if (paper.url) lines.push(paper.url);
  lines.push('', paper.abstract ?? '(no abstract)');
  if (paper.note) lines.push('', 'Note:', paper.note.text);
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
