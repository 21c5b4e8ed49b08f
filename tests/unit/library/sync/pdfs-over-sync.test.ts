/**
 * Issue 20: PDFs do not go through git. A machine that receives a paper by sync lacks its PDF until it is filled
 * from the shared PDF folder (checked against its SHA-256) or downloaded from arXiv.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentPath } from '../../../../electron/library/attachments/attachment-files.js';
import type { DownloadOptions } from '../../../../electron/library/attachments/pdf-downloads.js';
import { Library } from '../../../../electron/library/library.js';
import { syncLibrary } from '../../../../electron/library/sync/git/library-sync.js';
import { setRemote } from '../../../../electron/library/sync/git/sync-remote.js';
import { PaperIdSchema } from '../../../../shared/models/paper.js';
import { makePdf } from '../../../helpers/make-pdf.js';
import { importPapers, labClock } from '../../../helpers/sync-lab.js';
import { tempDir } from '../../../helpers/temp-dir.js';

const run = promisify(execFile);
const open: Library[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((library) => library.close()));
});

async function bareRemote(): Promise<string> {
  const dir = await tempDir('margin-remote-');
  await run('git', ['init', '--quiet', '--bare', '--initial-branch', 'main', dir]);
  return dir;
}

async function machine(name: string, remote: string, downloads?: DownloadOptions): Promise<Library> {
  const dir = await tempDir(`margin-${name}-`);
  let next = 0;
  const library = await Library.open({
    dir,
    mode: 'write',
    holder: `test ${name}`,
    deps: { now: labClock(), newId: () => PaperIdSchema.parse(`${name}${String(++next).padStart(8, '0')}`) },
    ...(downloads ? { pdfDownloads: downloads } : {}),
  });
  open.push(library);
  await setRemote(dir, remote);
  return library;
}

/** Machine A with one arXiv paper and its PDF, synced to a fresh remote; machine B not synced yet. */
async function paperWithPdfOnA(options: { shared?: string; downloads?: DownloadOptions } = {}) {
  const remote = await bareRemote();
  const a = await machine('aa', remote);
  const b = await machine('bb', remote, options.downloads);
  const { shared } = options;
  if (shared !== undefined) for (const m of [a, b]) m.attachments.shared.use(() => Promise.resolve(shared));
  await importPapers(a, ['2401.10000']);
  const [paper] = await a.papers.records();
  if (!paper) throw new Error('the import added no paper');
  const bytes = await makePdf([['The PDF of 2401.10000.']]);
  const { attachment } = await a.attachments.attach(paper.id, { bytes }, '2401.10000.pdf');
  await a.attachments.idle();
  await syncLibrary(a);
  return { a, b, id: paper.id, sha: attachment.sha256, bytes };
}

const pdfsIn = async (library: Library) =>
  (await readdir(path.join(library.dir, 'attachments')).catch(() => [])).filter((f) => f.endsWith('.pdf'));

describe('PDFs after a sync', () => {
  it('the receiving machine reports the PDF missing and queues its arXiv download, which fills it', async () => {
    let served: Uint8Array = new Uint8Array();
    const fetched: string[] = [];
    const fakeArxiv: typeof fetch = (url) => {
      fetched.push(String(url));
      return Promise.resolve(new Response(served, { headers: { 'content-type': 'application/pdf' } }));
    };
    const { b, id, sha, bytes } = await paperWithPdfOnA({
      downloads: { baseUrl: 'https://arxiv.test', fetch: fakeArxiv, delayMs: 0 },
    });
    served = bytes;

    const { received, pdfs } = await syncLibrary(b);

    expect(received).toEqual([id]);
    expect(pdfs).toEqual({ filled: [], missing: [id], queued: [id], refused: [] });
    await b.downloads.run();
    await b.attachments.idle();
    expect(fetched).toEqual(['https://arxiv.test/pdf/2401.10000']);
    expect(await b.attachments.locate(id)).toEqual({ missing: [], sharedFolder: null, refused: [] });
    expect(new Uint8Array(await readFile(await b.attachments.file(id, sha)))).toEqual(bytes);
    // Still one attachment: the download was the missing PDF itself.
    expect((await b.papers.getRecord(id))?.attachments.map((x) => x.sha256)).toEqual([sha]);
  });

  it('offline, the PDF stays missing: the reader is told so and the download waits in the queue', async () => {
    const { b, id, sha } = await paperWithPdfOnA();

    const { pdfs } = await syncLibrary(b);

    expect(pdfs.queued).toEqual([id]);
    expect(await b.attachments.locate(id)).toEqual({ missing: [sha], sharedFolder: null, refused: [] });
    await expect(b.attachments.file(id, sha)).rejects.toThrow(/is missing from/);
    expect(await b.downloads.status()).toMatchObject({ online: false, waiting: 1 });
  });

  it('with a shared PDF folder on both machines, the second takes the PDF from it (a copy made when it was set)', async () => {
    const shared = await tempDir('margin-shared-pdfs-');
    const remote = await bareRemote();
    const a = await machine('aa', remote);
    const b = await machine('bb', remote);
    await importPapers(a, ['2401.10001']);
    const [paper] = await a.papers.records();
    const bytes = await makePdf([['Shared through a folder.']]);
    const { attachment } = await a.attachments.attach(paper?.id ?? '', { bytes }, 'paper.pdf');
    // The folder is named after the PDF was attached: the next sync copies what the folder lacks.
    for (const m of [a, b]) m.attachments.shared.use(() => Promise.resolve(shared));
    await syncLibrary(a);
    await a.attachments.idle();
    expect(await readdir(shared)).toEqual([`${attachment.sha256}.pdf`]);

    const { pdfs } = await syncLibrary(b);

    expect(pdfs).toEqual({ filled: [paper?.id], missing: [], queued: [], refused: [] });
    expect(new Uint8Array(await readFile(attachmentPath(b.dir, attachment.sha256)))).toEqual(bytes);
    expect(await b.downloads.status()).toMatchObject({ waiting: 0 });
  });

  it('refuses a shared file with the right name and the wrong bytes, saying so, and queues the download instead', async () => {
    const shared = await tempDir('margin-shared-pdfs-');
    const { b, id, sha } = await paperWithPdfOnA({ shared });
    // Copied when it was attached (the folder was set then); now something else has its name.
    expect(await readdir(shared)).toEqual([`${sha}.pdf`]);
    await writeFile(path.join(shared, `${sha}.pdf`), await makePdf([['Another paper entirely.']]));

    const { pdfs } = await syncLibrary(b);

    expect(pdfs.missing).toEqual([id]);
    expect(pdfs.queued).toEqual([id]);
    expect(pdfs.refused).toEqual([expect.stringMatching(/its bytes are not the PDF its name says/)]);
    expect(pdfs.refused[0]).toContain(path.join(shared, `${sha}.pdf`));
    expect(b.notices.map((n) => n.message)).toContain(pdfs.refused[0]);
    expect(await pdfsIn(b)).toEqual([]);
    expect(await b.attachments.locate(id)).toMatchObject({ missing: [sha], sharedFolder: shared });
  });
});
