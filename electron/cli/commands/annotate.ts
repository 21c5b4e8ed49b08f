import { parseArgs } from 'node:util';
import { AnnotationColorSchema } from '../../../shared/models/paper.js';
import { withLibrary } from '../support/context.js';
import { UsageError, printJson, type CliIo } from '../support/io.js';

export const annotateUsage =
  'margin annotate <id> --quote TEXT [--occurrence N] [--comment TEXT] [--color yellow|green|blue|pink|purple] [--json] [--library DIR]';

export async function annotateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      quote: { type: 'string' },
      occurrence: { type: 'string', default: '1' },
      comment: { type: 'string', default: '' },
      color: { type: 'string', default: 'yellow' },
      json: { type: 'boolean', default: false },
      library: { type: 'string' },
    },
  });
  const [id, extra] = positionals;
  if (id === undefined || extra !== undefined || values.quote === undefined)
    throw new UsageError(`expected a paper id and --quote; usage: ${annotateUsage}`);
  const occurrence = Number(values.occurrence);
  if (!Number.isInteger(occurrence) || occurrence < 1)
    throw new UsageError(`--occurrence must be 1 or more, not "${values.occurrence}"`);
  const color = AnnotationColorSchema.safeParse(values.color);
  if (!color.success)
    throw new UsageError(`unknown color "${values.color}"; use one of ${AnnotationColorSchema.options.join(', ')}`);
  const quote = values.quote;
  const annotation = await withLibrary(io, values.library, 'write', 'margin annotate', (library) =>
    library.annotations.addQuote(id, quote, occurrence, color.data, values.comment),
  );
  const { id: annotationId, start, end, color: c, comment, state } = annotation;
  if (values.json) printJson(io, { id: annotationId, start, end, quote: annotation.quote, color: c, comment, state });
  else io.stdout(`${annotationId}: ${c} highlight at ${start}–${end}: "${annotation.quote}"\n`);
  return 0;
}
