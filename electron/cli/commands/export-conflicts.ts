import path from 'node:path';
import { parseArgs } from 'node:util';
import { MergeAnswerSchema } from '../../../shared/models/export-conflict.js';
import { PaperIdSchema } from '../../../shared/models/paper.js';
import { listConflicts, resolveConflict } from '../../library/export/markdown/conflicts.js';
import { readManifest } from '../../library/export/export-manifest.js';
import { withLibrary } from '../support/context.js';
import { UsageError, printJson, type CliIo } from '../support/io.js';

export const conflictsUsage =
  'margin export conflicts --out DIR [--json] | margin export resolve --out DIR --id ID --keep-mine|--take-margin|--merge [--answers mine,margin,both…] [--library DIR]';

/**
 * `margin export conflicts` lists the notes of an export folder that both the user and Margin changed, with
 * the places a merge would ask about; `margin export resolve` settles one as the app's Export dialog does.
 */
export async function exportConflictsCommand(
  action: 'conflicts' | 'resolve',
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      out: { type: 'string' },
      id: { type: 'string' },
      'keep-mine': { type: 'boolean', default: false },
      'take-margin': { type: 'boolean', default: false },
      merge: { type: 'boolean', default: false },
      answers: { type: 'string', default: '' },
      json: { type: 'boolean', default: false },
      library: { type: 'string' },
    },
  });
  if (!values.out) throw new UsageError(`--out is required; usage: ${conflictsUsage}`);
  const dir = path.resolve(io.cwd, values.out);

  return withLibrary(io, values.library, 'read', 'margin export', async (library) => {
    const ids = Object.keys((await readManifest(dir)).papers);
    const exported = (await library.papers.list()).filter((p) => ids.includes(p.id));
    if (action === 'conflicts') {
      const conflicts = await listConflicts(exported, dir);
      if (values.json) printJson(io, conflicts);
      else if (conflicts.length === 0) io.stdout(`no conflicts in ${dir}\n`);
      for (const c of values.json ? [] : conflicts) {
        io.stdout(`${c.paperId}  ${c.file}: ${c.reason}\n`);
        c.merge?.questions.forEach((q, i) => {
          io.stdout(`  place ${i + 1}, in the ${q.part}:\n`);
          for (const line of q.mine) io.stdout(`    mine   | ${line}\n`);
          for (const line of q.margin) io.stdout(`    margin | ${line}\n`);
        });
      }
      return 0;
    }
    const chosen = (['keep-mine', 'take-margin', 'merge'] as const).filter((c) => values[c]);
    const [choice] = chosen;
    if (chosen.length !== 1 || choice === undefined)
      throw new UsageError(`choose one of --keep-mine, --take-margin and --merge; usage: ${conflictsUsage}`);
    const id = PaperIdSchema.safeParse(values.id);
    if (!id.success) throw new UsageError(`--id needs a paper id; usage: ${conflictsUsage}`);
    const answers = values.answers === '' ? [] : values.answers.split(',').map((a) => a.trim());
    const parsed = answers.map((a) => MergeAnswerSchema.safeParse(a));
    if (parsed.some((p) => !p.success)) throw new UsageError('--answers takes mine, margin or both, comma-separated');
    const paper = exported.find((p) => p.id === id.data);
    const [conflict] = paper ? await listConflicts([paper], dir) : [];
    if (!paper || !conflict) {
      io.stderr(`margin export: ${values.id} has no conflict in ${dir}\n`);
      return 1;
    }
    // Listed and resolved in one go, so the fingerprint is the one just read.
    const result = await resolveConflict(paper, dir, {
      choice,
      fingerprint: conflict.fingerprint,
      answers: parsed.flatMap((p) => (p.success ? [p.data] : [])),
    });
    if (values.json) printJson(io, result);
    else
      io.stdout(
        `${result.outcome === 'kept' ? 'kept yours' : 'written'}: ${result.file}${result.yours ? ` (your version before it: ${result.yours})` : ''}\n`,
      );
    return 0;
  });
}
