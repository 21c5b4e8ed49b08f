import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startHttpHost } from '../../host/http-host.js';
import { createHandlers } from '../../library/api/handlers.js';
import { folderBelow } from '../../library/api/export-folders.js';
import { openSession } from '../../library/api/session.js';
import { ARXIV_API } from '../../library/arxiv/arxiv-completion.js';
import { resolveLibraryDir } from '../../library/library-location.js';
import { LibraryError } from '../../library/storage/errors.js';
import { UsageError, type CliIo } from '../support/io.js';
import { readAttachmentBytes } from '../../library/api/attachment-bytes.js';
import { watchLoopDelay } from '../../host/loop-delay.js';

export const serveUsage = 'margin serve [--port N] [--library DIR] [--exports DIR]';

/** The built UI sits beside the built CLI: out/cli/margin.js → out/renderer/. */
function rendererDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../renderer');
}

export async function serveCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { port: { type: 'string', default: '0' }, library: { type: 'string' }, exports: { type: 'string' } },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; usage: ${serveUsage}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}"`);
  const staticDir = rendererDir();
  if (!existsSync(path.join(staticDir, 'index.html')))
    throw new LibraryError('io', `the UI is not built (${staticDir}); run npm run build`);

  const dir = resolveLibraryDir(values.library, { platform: process.platform, home: homedir(), env: io.env });
  const workers = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../workers');
  const searchWorker = path.join(workers, 'search-worker.js');
  const parseWorker = path.join(workers, 'parse-worker.js');
  const pdfTextWorker = path.join(workers, 'pdf-text-worker.js');
  // MARGIN_OFFLINE=1 keeps the host from ever contacting the arXiv API (tests, air-gapped machines).
  const arxivApi = io.env.MARGIN_OFFLINE
    ? {}
    : {
        arxivApi: io.env.MARGIN_ARXIV_API ?? ARXIV_API,
        pdfBaseUrl: io.env.MARGIN_ARXIV_PDF_BASE ?? 'https://arxiv.org',
      };
  const session = await openSession({
    dir,
    holder: 'margin serve',
    searchWorker,
    parseWorker,
    pdfTextWorker,
    ...arxivApi,
  });
  for (const notice of session.library.notices) io.stderr(`margin: ${notice.level}: ${notice.message}\n`);
  // The page can name export folders only below this one (a browser tab is less trusted than the app's own window).
  const exportRoot = path.resolve(io.cwd, values.exports ?? path.join(dir, 'exports'));
  const handlers = createHandlers(session, {
    exportFolders: folderBelow(exportRoot),
    defaultExportDir: exportRoot,
    licensesFile: path.join(workers, '..', 'licenses.json'),
  });
  const host = await startHttpHost({
    handlers,
    staticDir,
    port,
    subscribe: (l) => session.library.onChange(l),
    readAttachment: (request) => readAttachmentBytes(session.library, request),
  });
  io.stdout(`${host.url}\n`);
  // For the bench: the event loop's delay since the last SIGUSR2, as one line on stderr.
  const loop = io.env.MARGIN_LOOP_DELAY === '1' ? watchLoopDelay() : null;
  const reportLoop = (): void => {
    if (loop) io.stderr(`loop-delay ${JSON.stringify(loop.take())}\n`);
  };
  if (loop) process.on('SIGUSR2', reportLoop);

  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.off('SIGUSR2', reportLoop);
  loop?.stop();
  await host.close();
  await session.close();
  return 0;
}
