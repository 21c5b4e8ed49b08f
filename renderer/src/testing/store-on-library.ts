import { afterEach } from 'vitest';
import { createApi } from '../api/client.js';
import { createMarginStore } from '../app/create-store.js';
import type { MarginStore } from '../store/use-margin.js';
import { inProcessMain, numberedPapers, type InProcessMain } from '../../../tests/helpers/in-process-api.js';
import { tempDir } from '../../../tests/helpers/temp-dir.js';

// Renderer tests run the store against the real handlers and a real library on disk, through the same
// dispatch as IPC: no stand-in for main to keep in step with it.
const open: InProcessMain[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((main) => main.close()));
});

/** A library of `count` papers titled "Paper 0"…, a store on it, and the app's one subscription to changes. */
export async function storeOnLibrary(count: number): Promise<{ store: MarginStore; main: InProcessMain }> {
  const main = await inProcessMain(await tempDir());
  open.push(main);
  if (count > 0)
    await main.session.library.imports.run({
      text: numberedPapers(count),
      format: 'csl-json',
      fileName: 'papers.json',
      html: null,
      edits: [],
      categoryTags: false,
      tags: [],
      dryRun: false,
    });
  // The import's change event goes out on a timer; let it pass before the store subscribes, or it reaches the
  // store in the middle of the test as a change nobody made there (an extra reload a CI run counted).
  await new Promise((resolve) => setTimeout(resolve, 0));
  const api = createApi(main.transport);
  const store = createMarginStore(api);
  api.onLibraryChanged((change) => void store.getState().applyLibraryChange(change));
  main.calls.length = 0;
  return { store, main };
}

/**
 * Let change events, and the refreshes they start, run to the end: until no call to main has been in flight for
 * five steps of 5 ms in a row (five steps alone left a refresh unanswered on a loaded machine). A call still in
 * flight is waited for as long as it takes, up to the test's own time limit: this used to give up after 5 s, and
 * a CI run beside heavy disk writes failed a check that came after it, likely so.
 */
export async function settle(): Promise<void> {
  let quiet = 0;
  while (quiet < 5) {
    await new Promise((r) => setTimeout(r, 5));
    quiet = open.every((main) => main.pending() === 0) ? quiet + 1 : 0;
  }
}
