import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../../../electron/library/library.js';
import { LibraryError } from '../../../../electron/library/storage/errors.js';
import { SNAPSHOTS_DIR } from '../../../../electron/library/storage/snapshots.js';
import { pdfPages } from '../../../../electron/library/attachments/pdf-text-store.js';
import { fixedDeps } from '../../../helpers/fixed-deps.js';
import { makePdf } from '../../../helpers/make-pdf.js';
import { tempDir } from '../../../helpers/temp-dir.js';

async function libraryWith(titles: string[]): Promise<{ library: Library; ids: string[] }> {
  const library = await Library.open({ dir: await tempDir(), mode: 'write', holder: 'test', deps: fixedDeps() });
  const text = JSON.stringify(titles.map((title, i) => ({ id: `k${i}`, type: 'article', title })));
  const report = await library.imports.run({
    text,
    format: 'csl-json',
    fileName: 'papers.json',
    tags: [],
    dryRun: false,
  });
  return { library, ids: report.ids };
}

async function pdfFile(name = 'paper.pdf', text = 'Sparse attention'): Promise<string> {
  const file = path.join(await tempDir(), name);
  await writeFile(file, await makePdf([[text], ['page two']]));
  return file;
}

const attachmentFiles = async (library: Library) =>
  (await readdir(path.join(library.dir, 'attachments')).catch(() => [] as string[]))
    .filter((f) => f.endsWith('.pdf'))
    .sort();

describe('attaching a PDF', () => {
  it('copies it into the library under its hash and leaves the original as it was', async () => {
    const { library, ids } = await libraryWith(['Sparse Attention']);
    const id = ids[0] ?? '';
    const file = await pdfFile('Sparse attention (final).pdf');
    const before = { bytes: await readFile(file), mtime: (await stat(file)).mtimeMs };
    const changes: Array<readonly string[]> = [];
    library.onChange((changed) => changes.push(changed));

    const { attachment, outcome } = await library.attachments.attach(id, { file }, file);
    expect(outcome).toBe('attached');
    expect(attachment).toMatchObject({ fileName: 'Sparse attention (final).pdf', bytes: before.bytes.length });
    expect(attachment.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await attachmentFiles(library)).toEqual([`${attachment.sha256}.pdf`]);
    expect(await readFile(await library.attachments.file(id, attachment.sha256))).toEqual(before.bytes);
    expect(await readFile(file)).toEqual(before.bytes);
    expect((await stat(file)).mtimeMs).toBe(before.mtime);
    expect((await library.papers.get(id)).attachments).toEqual([attachment]);
    expect(changes).toEqual([[id]]);
    await library.close();
  });

  it('stores the same file once, however often and to however many papers it is attached', async () => {
    const { library, ids } = await libraryWith(['One', 'Two']);
    const file = await pdfFile();
    const first = await library.attachments.attach(ids[0] ?? '', { file }, 'a.pdf');
    const again = await library.attachments.attach(ids[0] ?? '', { bytes: await readFile(file) }, 'b.pdf');
    expect(again).toEqual({ attachment: first.attachment, outcome: 'already-attached' });
    await library.attachments.attach(ids[1] ?? '', { file }, 'c.pdf');
    expect(await attachmentFiles(library)).toEqual([`${first.attachment.sha256}.pdf`]);
    const stored = await library.attachments.stored();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.papers.map((p) => p.title).sort()).toEqual(['One', 'Two']);
    await library.close();
  });

  it('refuses what is not a PDF, an unknown paper and a missing file, saying which, and keeps nothing', async () => {
    const { library, ids } = await libraryWith(['One']);
    const text = path.join(await tempDir(), 'notes.pdf');
    await writeFile(text, 'just some text, named .pdf');
    const notPdf = await library.attachments.attach(ids[0] ?? '', { file: text }, text).catch((e: unknown) => e);
    expect(notPdf).toBeInstanceOf(LibraryError);
    expect((notPdf as LibraryError).message).toBe('notes.pdf: not a PDF (no %PDF- header in its first 1024 bytes)');
    const unknown = await library.attachments.attach('p999999999', { file: text }, text).catch((e: unknown) => e);
    expect((unknown as LibraryError).code).toBe('not-found');
    const missing = path.join(await tempDir(), 'gone.pdf');
    const gone = await library.attachments.attach(ids[0] ?? '', { file: missing }, missing).catch((e: unknown) => e);
    expect((gone as LibraryError).message).toBe('gone.pdf: cannot read it (ENOENT)');
    expect(await attachmentFiles(library)).toEqual([]);
    expect((await library.papers.get(ids[0] ?? '')).attachments).toEqual([]);
    await library.close();
  });

  it('never takes a file name for a path', async () => {
    const { library, ids } = await libraryWith(['One']);
    const { attachment } = await library.attachments.attach(
      ids[0] ?? '',
      { bytes: await makePdf([['x']]) },
      '../../etc/\u0007passwd.pdf',
    );
    expect(attachment.fileName).toBe('passwd.pdf');
    const wrong = await library.attachments.file(ids[0] ?? '', '../../etc/passwd').catch((e: unknown) => e);
    expect((wrong as LibraryError).code).toBe('not-found');
    await library.close();
  });
});

describe('attachments and the rest of the library', () => {
  it('go with their papers when the Trash is emptied, unless another paper has the same file', async () => {
    const { library, ids } = await libraryWith(['One', 'Two', 'Three']);
    const [one, two, three] = ids.map((id) => id);
    const shared = await pdfFile('shared.pdf', 'shared');
    const own = await pdfFile('own.pdf', 'own');
    const a = await library.attachments.attach(one ?? '', { file: shared }, 'shared.pdf');
    await library.attachments.attach(two ?? '', { file: shared }, 'shared.pdf');
    const b = await library.attachments.attach(three ?? '', { file: own }, 'own.pdf');
    await library.papers.trash([one ?? '', three ?? '']);
    // In the Trash, the files stay: the papers can still be restored.
    expect(await attachmentFiles(library)).toHaveLength(2);
    expect((await library.attachments.stored()).every((s) => s.papers.length > 0)).toBe(true);
    await library.papers.emptyTrash();
    expect(await attachmentFiles(library)).toEqual([`${a.attachment.sha256}.pdf`]);
    expect(b.attachment.sha256).not.toBe(a.attachment.sha256);
    await library.close();
  });

  it('are in backups as hard links, and a restore brings a removed PDF back', async () => {
    const { library, ids } = await libraryWith(['One']);
    const { attachment } = await library.attachments.attach(ids[0] ?? '', { file: await pdfFile() }, 'p.pdf');
    const backup = await library.backups.take('manual');
    const inLibrary = path.join(library.dir, 'attachments', `${attachment.sha256}.pdf`);
    const inBackup = path.join(library.dir, SNAPSHOTS_DIR, backup.name, 'attachments', `${attachment.sha256}.pdf`);
    expect((await stat(inBackup)).ino).toBe((await stat(inLibrary)).ino);
    await library.papers.trash(ids);
    await library.papers.emptyTrash();
    expect(await attachmentFiles(library)).toEqual([]);
    await library.backups.restore(backup.name);
    expect(await attachmentFiles(library)).toEqual([`${attachment.sha256}.pdf`]);
    expect(await readFile(await library.attachments.file(ids[0] ?? '', attachment.sha256))).toEqual(
      await readFile(inBackup),
    );
    await library.close();
  });

  it('of two duplicates merged are both kept', async () => {
    const { library, ids } = await libraryWith(['One', 'One again']);
    const a = await library.attachments.attach(ids[0] ?? '', { bytes: await makePdf([['a']]) }, 'a.pdf');
    const b = await library.attachments.attach(ids[1] ?? '', { bytes: await makePdf([['b']]) }, 'b.pdf');
    const merged = await library.duplicates.merge(ids[0] ?? '', ids[1] ?? '');
    expect(merged.attachments.map((x) => x.sha256)).toEqual([a.attachment.sha256, b.attachment.sha256]);
    await library.close();
  });

  it('remember the page being read, move an Inbox paper to Reading, and refuse a page of a PDF it does not have', async () => {
    const { library, ids } = await libraryWith(['One']);
    const id = ids[0] ?? '';
    const { attachment } = await library.attachments.attach(id, { bytes: await makePdf([['a'], ['b']]) }, 'a.pdf');
    const record = await library.papers.setReading(id, { sha256: attachment.sha256, page: 2, pages: 2 });
    expect(record).toMatchObject({ status: 'reading', reading: { sha256: attachment.sha256, page: 2, pages: 2 } });
    await library.papers.setStatus(id, 'read');
    expect((await library.papers.setReading(id, { sha256: attachment.sha256, page: 1, pages: 2 })).status).toBe('read');
    const wrongFile = await library.papers
      .setReading(id, { sha256: 'b'.repeat(64), page: 1, pages: 2 })
      .catch((e: unknown) => e);
    expect((wrongFile as LibraryError).code).toBe('not-found');
    const pastTheEnd = await library.papers
      .setReading(id, { sha256: attachment.sha256, page: 3, pages: 2 })
      .catch((e: unknown) => e);
    expect((pastTheEnd as LibraryError).message).toBe('page 3 of a 2-page PDF');
    expect((await library.papers.get(id)).reading).toEqual({ sha256: attachment.sha256, page: 1, pages: 2 });
    await library.close();
  });

  it('have their text read in the background, so a search finds a word only the PDF holds', async () => {
    const { library, ids } = await libraryWith(['One', 'Two']);
    const pdf = await makePdf([['An introduction.'], ['The word zeppelin is only here.']]);
    const { attachment } = await library.attachments.attach(ids[1] ?? '', { bytes: pdf }, 'two.pdf');
    await library.attachments.idle();
    expect(await pdfPages(library.dir, attachment.sha256)).toEqual([
      'An introduction.',
      'The word zeppelin is only here.',
    ]);
    expect((await library.papers.list({ search: 'zeppelin' })).map((p) => p.title)).toEqual(['Two']);
    expect(await library.papers.list({ search: 'zeppelins' })).toEqual([]);
    await library.close();
  });

  it('that cannot be read for text are still kept, with a notice saying so', async () => {
    const { library, ids } = await libraryWith(['One']);
    const broken = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\n%%EOF');
    const { outcome } = await library.attachments.attach(ids[0] ?? '', { bytes: broken }, 'broken.pdf');
    expect(outcome).toBe('attached');
    await library.attachments.idle();
    expect(library.notices.map((n) => n.message).join('\n')).toMatch(/text of a PDF could not be read for search/);
    expect((await library.papers.get(ids[0] ?? '')).attachments).toHaveLength(1);
    await library.close();
  });

  it('dropped with no paper open become a paper, titled and identified from the PDF, or go to the one they are', async () => {
    const { library, ids } = await libraryWith(['Existing Paper']);
    const pdf = await makePdf(
      [['Sparse Attention Made Simple', 'arXiv:2401.00077v2 [cs.LG] 3 Jan 2024', 'Abstract. We make it simple.']],
      'Sparse Attention Made Simple',
    );
    const made = await library.attachments.addAsPaper({ bytes: pdf }, 'paper.pdf');
    expect(made.outcome).toBe('added');
    const paper = await library.papers.get(made.paperId);
    expect(paper).toMatchObject({ title: 'Sparse Attention Made Simple', arxivId: '2401.00077', arxivVersion: 2 });
    expect(paper.source).toEqual({ format: 'pdf', fileName: 'paper.pdf', digestDate: null });
    expect(paper.attachments.map((a) => a.sha256)).toEqual([made.attachment.sha256]);
    expect((await library.papers.list({ search: 'simple' })).map((p) => p.id)).toEqual([made.paperId]);

    const again = await library.attachments.addAsPaper({ bytes: pdf }, 'paper (1).pdf');
    expect(again).toMatchObject({ paperId: made.paperId, outcome: 'unchanged' });
    expect((await library.papers.records()).length).toBe(2);

    // A PDF whose first page names an existing paper by title (no metadata title) goes to that paper.
    const same = await makePdf([['Existing Paper', 'Some text of the paper.']], '');
    const merged = await library.attachments.addAsPaper({ bytes: same }, 'scan.pdf');
    expect(merged.paperId).toBe(ids[0]);
    expect((await library.papers.get(ids[0] ?? '')).attachments).toHaveLength(1);
    await library.close();
  });
});
