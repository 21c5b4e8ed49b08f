/** The shared PDF folder in Settings and `attachments:locate`: chosen in main, checked, never a path from the page. */
import { mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentPath } from '../../../../electron/library/attachments/attachment-files.js';
import { dispatch } from '../../../../electron/library/api/dispatch.js';
import { createHandlers } from '../../../../electron/library/api/handlers.js';
import { openSession, type Session } from '../../../../electron/library/api/session.js';
import { settingsFile } from '../../../../electron/library/settings/settings-file.js';
import { PaperIdSchema } from '../../../../shared/models/paper.js';
import { makePdf } from '../../../helpers/make-pdf.js';
import { fixedDeps } from '../../../helpers/fixed-deps.js';
import { sampleSession } from '../../../helpers/session.js';
import { tempDir } from '../../../helpers/temp-dir.js';

const open: Session[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A library with one paper and its PDF, its handlers with a settings file and a folder picker that answers `pick`. */
async function app() {
  const { session, ids } = await sampleSession(await tempDir('margin-lib-'));
  open.push(session);
  const settings = settingsFile(path.join(await tempDir('margin-user-'), 'settings.json'));
  let pick: string | null = null;
  const handlers = createHandlers(session, { settings, pickSharedPdfFolder: () => Promise.resolve(pick) });
  const id = PaperIdSchema.parse(ids[0]);
  const { attachment } = await handlers['attachments:add']({
    paperId: id,
    fileName: 'paper.pdf',
    data: Buffer.from(await makePdf([['A page.']])).toString('base64'),
  });
  return {
    session,
    handlers,
    settings,
    id,
    sha: attachment.sha256,
    picks: (folder: string | null) => {
      pick = folder;
    },
  };
}

describe('the shared PDF folder setting', () => {
  it('keeps the folder chosen in main, the library follows it and copies its PDFs there', async () => {
    const { session, handlers, sha, picks } = await app();
    const shared = await tempDir('margin-shared-');
    picks(shared);

    const view = await handlers['settings:chooseFolder']({ folder: 'sharedPdfs' });

    expect(view.sharedPdfFolder).toBe(shared);
    expect(await session.library.attachments.shared.folder()).toBe(shared);
    await session.library.attachments.idle();
    expect(await readdir(shared)).toEqual([`${sha}.pdf`]);
    expect((await handlers['settings:forgetSharedPdfFolder']({})).sharedPdfFolder).toBeNull();
    expect(await session.library.attachments.shared.folder()).toBeNull();
  });

  it('refuses a folder that is missing, a file, or inside the library, saying which and why; the setting stays', async () => {
    const { session, handlers, settings, picks } = await app();
    const file = path.join(await tempDir('margin-x-'), 'notes.txt');
    await writeFile(file, 'x');
    const inside = path.join(session.library.dir, 'pdfs');
    await mkdir(inside);
    const linkedInside = path.join(await tempDir('margin-x-'), 'looks-outside');
    await symlink(inside, linkedInside);
    const cases: ReadonlyArray<readonly [string, RegExp]> = [
      ['/no/such/margin/folder', /Shared PDF folder \/no\/such\/margin\/folder: no such folder/],
      [file, /: a file, not a folder/],
      [inside, /: inside the library folder; choose a folder outside it/],
      [linkedInside, /: inside the library folder; choose a folder outside it/],
      [session.library.dir, /: inside the library folder/],
      ['relative/folder', /: not an absolute folder path/],
    ];
    for (const [folder, message] of cases) {
      picks(folder);
      const result = await dispatch(handlers, 'settings:chooseFolder', { folder: 'sharedPdfs' });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', message } });
    }
    expect((await settings.get()).sharedPdfFolder).toBeNull();
  });

  it('cancelled, changes nothing; without a picker (margin serve), says it is chosen in the app', async () => {
    const { handlers, picks } = await app();
    picks(null);
    expect((await handlers['settings:chooseFolder']({ folder: 'sharedPdfs' })).sharedPdfFolder).toBeNull();

    const { session } = await sampleSession(await tempDir('margin-lib-'));
    open.push(session);
    const served = createHandlers(session);
    expect(await dispatch(served, 'settings:chooseFolder', { folder: 'sharedPdfs' })).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
    expect(await dispatch(served, 'settings:forgetSharedPdfFolder', {})).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
  });

  it('takes no path from the page', async () => {
    const { handlers } = await app();
    for (const request of [
      { folder: 'sharedPdfs', path: '/etc' },
      { folder: '/etc' },
      { folder: 'sharedPdfs', sharedPdfFolder: '/etc' },
    ])
      expect(await dispatch(handlers, 'settings:chooseFolder', request)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    expect(await dispatch(handlers, 'settings:forgetSharedPdfFolder', { folder: '/etc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringMatching(/^settings:forgetSharedPdfFolder: /) },
    });
  });
});

describe('attachments:locate', () => {
  it('says which PDFs are not on this machine, and fills one from the shared folder when its bytes match', async () => {
    const { session, handlers, id, sha, picks } = await app();
    expect(await handlers['attachments:locate']({ paperId: id })).toEqual({
      missing: [],
      sharedFolder: null,
      refused: [],
    });
    const shared = await tempDir('margin-shared-');
    picks(shared);
    await handlers['settings:chooseFolder']({ folder: 'sharedPdfs' });
    await session.library.attachments.idle();
    // Received by sync: the record lists the PDF, the file is not here.
    await rm(attachmentPath(session.library.dir, sha));

    expect(await handlers['attachments:locate']({ paperId: id })).toEqual({
      missing: [],
      sharedFolder: shared,
      refused: [],
    });
    await rm(attachmentPath(session.library.dir, sha));
    await writeFile(path.join(shared, `${sha}.pdf`), await makePdf([['Not the same PDF.']]));
    const refused = await handlers['attachments:locate']({ paperId: id });
    expect(refused).toMatchObject({ missing: [sha], sharedFolder: shared });
    expect(refused.refused[0]).toMatch(/its bytes are not the PDF its name says/);
    // A folder that is away (a NAS not mounted) is said to be away.
    await rm(shared, { recursive: true });
    expect((await handlers['attachments:locate']({ paperId: id })).refused).toEqual([
      `Shared PDF folder ${shared}: cannot be reached (ENOENT)`,
    ]);
  });

  it('refuses a request that is not a paper id, and names a paper that does not exist', async () => {
    const session = await openSession({ dir: await tempDir('margin-lib-'), holder: 'test', deps: fixedDeps() });
    open.push(session);
    const handlers = createHandlers(session);
    for (const request of [{}, { paperId: '../../etc' }, { paperId: 7 }, { paperId: 'abcd1234', extra: 1 }, null])
      expect(await dispatch(handlers, 'attachments:locate', request)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request', message: expect.stringMatching(/^attachments:locate: /) },
      });
    expect(await dispatch(handlers, 'attachments:locate', { paperId: PaperIdSchema.parse('abcd1234') })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});
