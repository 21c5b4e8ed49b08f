import type { Handlers, ParsedRequest } from '../../../shared/ipc/contract.js';
import type { ImportControl } from '../import/import-progress.js';
import type { ImportRequest } from '../import/importing.js';
import type { Library } from '../library.js';
import { ImportRuns } from './import-runs.js';
import { undoable } from './undoable.js';

/** Most entries the import preview lists (a digest has tens; a library export may have thousands). */
const MAX_PREVIEW_ITEMS = 2000;

type ImportChannel = 'import:preview' | 'import:run' | 'import:progress' | 'import:cancel';

/**
 * Previews and imports, each followed by the `importId` its caller gave (`import:progress`, polled) and stopped
 * by it (`import:cancel`) before anything is written.
 */
export function createImportHandlers(library: Library): Pick<Handlers, ImportChannel> {
  const runs = new ImportRuns();
  /** Run `body` with the control of the import called `importId`, and record how it ended. */
  const followed = async <T>(importId: string | undefined, body: (control: ImportControl) => Promise<T>) => {
    if (importId === undefined) return body({});
    const control = runs.start(importId);
    try {
      const result = await body(control);
      runs.finish(importId, 'done');
      return result;
    } catch (error) {
      runs.finish(importId, control.signal?.aborted ? 'cancelled' : 'failed');
      throw error;
    }
  };
  return {
    'import:preview': async (request) =>
      followed(request.importId, async (control) => {
        const outcome = await library.imports.run(importRequest({ ...request, tags: [] }, true), control);
        const { added, merged, unchanged, failed, items, digest, format: detected } = outcome;
        return { format: detected, added, merged, unchanged, failed, items: items.slice(0, MAX_PREVIEW_ITEMS), digest };
      }),
    'import:run': undoable(library.history, { label: () => 'import' }, async (request) =>
      followed(request.importId, async (control) => {
        const outcome = await library.imports.run(importRequest(request, false), control);
        const { added, merged, unchanged, failed, ids, skipped, entries } = outcome;
        return { added, merged, unchanged, failed, ids, skipped, entries };
      }),
    ),
    'import:progress': async ({ importId }) => runs.progress(importId),
    'import:cancel': async ({ importId }) => runs.cancel(importId),
  };
}

/** The library's import request from a channel's: the preview's corrections and options, defaults filled in. */
function importRequest(request: ParsedRequest<'import:run'>, dryRun: boolean): ImportRequest {
  return {
    text: request.text,
    format: request.format,
    fileName: request.fileName,
    html: request.html ?? null,
    edits: request.edits ?? [],
    categoryTags: request.categoryTags ?? false,
    tags: request.tags,
    dryRun,
  };
}
