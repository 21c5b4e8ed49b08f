import { readFile } from 'node:fs/promises';
import { createHandlers } from '../../electron/library/api/handlers.js';
import { openSession, type Session } from '../../electron/library/api/session.js';
import type { Handlers } from '../../shared/ipc/contract.js';
import { fixedDeps } from './fixed-deps.js';
import { SAMPLE_DIGEST_PATH } from './sample-digest.js';

/** A session on `dir` with the sample digest imported, and its handlers. */
export async function sampleSession(dir: string): Promise<{ session: Session; handlers: Handlers; ids: string[] }> {
  const session = await openSession({ dir, holder: 'test', deps: fixedDeps() });
  const handlers = createHandlers(session);
  const report = await handlers['import:run']({
    text: await readFile(SAMPLE_DIGEST_PATH, 'utf8'),
    format: 'auto',
    fileName: 'daily-papers.txt',
    tags: [],
  });
  return { session, handlers, ids: report.ids };
}
