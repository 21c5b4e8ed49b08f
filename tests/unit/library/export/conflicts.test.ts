import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../../../shared/ipc/channels.js';
import type { Request, Response } from '../../../../shared/ipc/contract.js';
import { removeBase } from '../../../../electron/library/export/markdown/base-store.js';
import { inProcessMain, numberedPapers, type InProcessMain } from '../../../helpers/in-process-api.js';
import { tempDir } from '../../../helpers/temp-dir.js';

const open: InProcessMain[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((m) => m.close()));
});

/** The real handlers over a real library of one paper ("Paper 0", abstract "Abstract of paper 0."), and a vault. */
async function setup() {
  const main = await inProcessMain(await tempDir());
  open.push(main);
  const { library } = main.session;
  const report = await library.imports.run({
    text: numberedPapers(1),
    format: 'csl-json',
    fileName: 'papers.json',
    html: null,
    edits: [],
    categoryTags: false,
    tags: [],
    dryRun: false,
  });
  const id = report.ids[0] ?? '';
  const dir = path.join(await tempDir(), 'vault');
  async function call<C extends Channel>(channel: C, request: Request<C>): Promise<Response<C>> {
    const envelope = (await main.transport.invoke(channel, request)) as
      { ok: true; data: Response<C> } | { ok: false; error: { code: string; message: string } };
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    return envelope.data;
  }
  const exportNotes = () => call('export:markdown', { dir, scope: { kind: 'all' }, dryRun: false });
  const file = async () => path.join(dir, (await readdir(dir)).find((f) => f.startsWith('Paper 0')) ?? 'missing');
  const edit = async (change: (text: string) => string) => {
    const f = await file();
    await writeFile(f, change(await readFile(f, 'utf8')));
  };
  const read = async () => readFile(await file(), 'utf8');
  return { library, id, dir, call, exportNotes, edit, read };
}

const MY_PARAGRAPH = '\nMy own paragraph, below Margin’s sections.\n';

describe('export conflicts: list, see, keep, take, merge', () => {
  it('merges the user’s edit in a section with Margin’s new highlight, asking nothing, and keeps text outside', async () => {
    const t = await setup();
    await t.library.annotations.add(t.id, { start: 0, end: 8, color: 'yellow', comment: 'first' });
    await t.library.annotations.setNote(t.id, 'Line A\nLine B');
    await t.exportNotes();
    await t.edit((s) => s.replace('**Important**: first', '**Important**: first — my comment') + MY_PARAGRAPH);
    await t.library.annotations.add(t.id, { start: 12, end: 19, color: 'blue', comment: 'second' });

    const second = await t.exportNotes();
    expect(second.conflicts).toHaveLength(1);
    const [conflict] = await t.call('export:conflicts', { dir: t.dir });
    expect(conflict).toMatchObject({ paperId: t.id, title: 'Paper 0', merge: { hasBase: true, questions: [] } });
    expect(conflict?.diff).toContainEqual({ kind: 'mine', text: '**Important**: first — my comment' });
    expect(conflict?.diff).toContainEqual({ kind: 'margin', text: '**Method**: second' });

    const result = await t.call('export:resolve', {
      dir: t.dir,
      paperId: t.id,
      choice: 'merge',
      fingerprint: conflict?.fingerprint ?? '',
      answers: [],
    });
    expect(result.outcome).toBe('written');
    const merged = await t.read();
    expect(merged).toContain('**Important**: first — my comment');
    expect(merged).toContain('**Method**: second');
    expect(merged).toContain(MY_PARAGRAPH.trim());
    // Resolved for good: the next export leaves the user's version and reports nothing.
    expect(await t.exportNotes()).toMatchObject({ written: [], conflicts: [] });
    expect(await t.call('export:conflicts', { dir: t.dir })).toEqual([]);
    expect(await t.read()).toBe(merged);
  });

  it('asks where both changed the same lines, and writes the answer (use both)', async () => {
    const t = await setup();
    await t.library.annotations.setNote(t.id, 'Line A\nLine B\nLine C');
    await t.exportNotes();
    await t.edit((s) => s.replace('Line B', 'Line B, as I put it') + MY_PARAGRAPH);
    await t.library.annotations.setNote(t.id, 'Line A\nLine B, as Margin has it\nLine C');
    await t.exportNotes();
    const [conflict] = await t.call('export:conflicts', { dir: t.dir });
    expect(conflict?.merge?.questions).toEqual([
      { part: 'note', mine: ['Line B, as I put it'], margin: ['Line B, as Margin has it'] },
    ]);
    // The merged note as it will be written, with the place where the answer goes.
    expect(conflict?.merge?.parts).toEqual([{ part: 'note', pieces: [['## Note', '', 'Line A'], 0, ['Line C']] }]);
    const resolve = (answers: Array<'mine' | 'margin' | 'both'>) =>
      t.call('export:resolve', {
        dir: t.dir,
        paperId: t.id,
        choice: 'merge',
        fingerprint: conflict?.fingerprint ?? '',
        answers,
      });
    await expect(resolve([])).rejects.toMatchObject({ code: 'invalid-request' });
    await resolve(['both']);
    const text = await t.read();
    expect(text).toContain('Line A\nLine B, as I put it\nLine B, as Margin has it\nLine C');
    expect(text).toContain(MY_PARAGRAPH.trim());
  });

  it('keeps mine: the file stays, and the next export does not raise it again until Margin changes it again', async () => {
    const t = await setup();
    await t.library.annotations.setNote(t.id, 'Line A');
    await t.exportNotes();
    await t.edit((s) => s.replace('Line A', 'Line A (mine)'));
    const mine = await t.read();
    await t.library.annotations.setNote(t.id, 'Line A (Margin)');
    await t.exportNotes();
    const [conflict] = await t.call('export:conflicts', { dir: t.dir, ids: [t.id] });
    expect(conflict?.paperId).toBe(t.id);
    expect(await t.call('export:conflicts', { dir: t.dir, ids: ['otherpaper01'] })).toEqual([]);
    const kept = await t.call('export:resolve', {
      dir: t.dir,
      paperId: t.id,
      choice: 'keep-mine',
      fingerprint: conflict?.fingerprint ?? '',
      answers: [],
    });
    expect(kept.outcome).toBe('kept');
    expect(await t.read()).toBe(mine);
    expect(await t.exportNotes()).toMatchObject({ written: [], conflicts: [] });
    expect(await t.read()).toBe(mine);
    await t.library.annotations.setNote(t.id, 'Line A (Margin, later)');
    expect((await t.exportNotes()).conflicts).toHaveLength(1);
  });

  it("takes Margin's side of the section, keeping the user's text outside it", async () => {
    const t = await setup();
    await t.library.annotations.setNote(t.id, 'Line A');
    await t.exportNotes();
    await t.edit((s) => s.replace('Line A', 'Line A (mine)') + MY_PARAGRAPH);
    await t.library.annotations.setNote(t.id, 'Line A (Margin)');
    await t.exportNotes();
    const [conflict] = await t.call('export:conflicts', { dir: t.dir });
    const mine = await t.read();
    const taken = await t.call('export:resolve', {
      dir: t.dir,
      paperId: t.id,
      choice: 'take-margin',
      fingerprint: conflict?.fingerprint ?? '',
      answers: [],
    });
    // What the user had is not lost: it is kept beside the base.
    expect(taken.yours).toBe(path.join('.margin-base', `${t.id}.yours.md`));
    expect(await readFile(path.join(t.dir, taken.yours ?? ''), 'utf8')).toBe(mine);
    const text = await t.read();
    expect(text).toContain('Line A (Margin)');
    expect(text).not.toContain('Line A (mine)');
    expect(text).toContain(MY_PARAGRAPH.trim());
    expect(await t.exportNotes()).toMatchObject({ written: [], unchanged: [{ paperId: t.id }], conflicts: [] });
  });

  it('refuses to resolve when the file changed again since the conflict was listed, and writes nothing', async () => {
    const t = await setup();
    await t.library.annotations.setNote(t.id, 'Line A');
    await t.exportNotes();
    await t.edit((s) => s.replace('Line A', 'Line A (mine)'));
    await t.library.annotations.setNote(t.id, 'Line A (Margin)');
    await t.exportNotes();
    const [conflict] = await t.call('export:conflicts', { dir: t.dir });
    await t.edit((s) => s.replace('Line A (mine)', 'Line A (mine, again)'));
    const again = await t.read();
    await expect(
      t.call('export:resolve', {
        dir: t.dir,
        paperId: t.id,
        choice: 'take-margin',
        fingerprint: conflict?.fingerprint ?? '',
        answers: [],
      }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/changed since the conflict was shown/),
    });
    expect(await t.read()).toBe(again);
  });

  it('without a base Margin kept (an older export), asks about every difference', async () => {
    const t = await setup();
    await t.library.annotations.setNote(t.id, 'Line A\nLine B\nLine C');
    await t.exportNotes();
    await removeBase(t.dir, t.id);
    await t.edit((s) => s.replace('Line A', 'Line A (mine)'));
    await t.library.annotations.setNote(t.id, 'Line A\nLine B\nLine C (Margin)');
    await t.exportNotes();
    const [conflict] = await t.call('export:conflicts', { dir: t.dir });
    expect(conflict?.merge).toMatchObject({
      hasBase: false,
      questions: [
        { part: 'note', mine: ['Line A (mine)'], margin: ['Line A'] },
        { part: 'note', mine: ['Line C'], margin: ['Line C (Margin)'] },
      ],
    });
  });

  it('exports even when the base cannot be kept (a file in its place), and then asks about every difference', async () => {
    const t = await setup();
    await mkdir(t.dir, { recursive: true });
    await writeFile(path.join(t.dir, '.margin-base'), 'not a folder');
    await t.library.annotations.setNote(t.id, 'Line A\nLine B');
    expect((await t.exportNotes()).written).toHaveLength(1);
    await t.edit((s) => s.replace('Line A', 'Line A (mine)'));
    await t.library.annotations.setNote(t.id, 'Line A\nLine B (Margin)');
    await t.exportNotes();
    const [conflict] = await t.call('export:conflicts', { dir: t.dir });
    expect(conflict?.merge?.hasBase).toBe(false);
  });

  it('a base file someone edited is not trusted', async () => {
    const t = await setup();
    await t.library.annotations.setNote(t.id, 'Line A\nLine B\nLine C');
    await t.exportNotes();
    const baseFile = path.join(t.dir, '.margin-base', `${t.id}.json`);
    await writeFile(baseFile, (await readFile(baseFile, 'utf8')).replace('Line B', 'Line X'));
    await t.edit((s) => s.replace('Line A', 'Line A (mine)'));
    await t.library.annotations.setNote(t.id, 'Line A\nLine B\nLine C (Margin)');
    await t.exportNotes();
    const [conflict] = await t.call('export:conflicts', { dir: t.dir });
    expect(conflict?.merge?.hasBase).toBe(false);
  });

  it('"Export notes" also writes the cross-paper highlights file, and never over one the user edited', async () => {
    const t = await setup();
    const first = await t.exportNotes();
    expect(first.highlights).toBeUndefined(); // no highlights anywhere: no file
    await t.library.annotations.add(t.id, { start: 0, end: 8, color: 'green', comment: 'a result' });
    const second = await t.exportNotes();
    expect(second.highlights).toMatchObject({ outcome: 'written', highlights: 1, papers: 1 });
    const digest = path.join(t.dir, 'Highlights.md');
    expect(await readFile(digest, 'utf8')).toContain('**Key result**: a result');
    await writeFile(digest, `${await readFile(digest, 'utf8')}\nmy line\n`);
    await t.library.annotations.add(t.id, { start: 12, end: 19, color: 'blue', comment: '' });
    const third = await t.exportNotes();
    expect(third.highlights).toMatchObject({ outcome: 'conflict' });
    expect(await readFile(digest, 'utf8')).toContain('my line');
  });

  it('merges the front matter line by line, and refuses a merge that would leave YAML no parser reads', async () => {
    const t = await setup();
    await t.exportNotes();
    await t.edit((s) => s.replace('status: "inbox"', 'status: "reading" # mine'));
    await t.library.papers.setStatus(t.id, 'read');
    await t.exportNotes();
    const [conflict] = await t.call('export:conflicts', { dir: t.dir });
    expect(conflict?.merge?.questions).toEqual([
      // Margin's side keeps the user's YAML (a comment too) and sets its own values.
      { part: 'front matter', mine: ['status: "reading" # mine'], margin: ['status: "read" # mine'] },
    ]);
    const resolve = (answers: Array<'mine' | 'margin' | 'both'>) =>
      t.call('export:resolve', {
        dir: t.dir,
        paperId: t.id,
        choice: 'merge',
        fingerprint: conflict?.fingerprint ?? '',
        answers,
      });
    const before = await t.read();
    await expect(resolve(['both'])).rejects.toMatchObject({ message: expect.stringMatching(/invalid YAML/) });
    expect(await t.read()).toBe(before);
    await resolve(['mine']);
    expect(await t.read()).toContain('status: "reading" # mine');
    expect(await t.exportNotes()).toMatchObject({ written: [], conflicts: [] });
  });

  it('a note whose markers are gone: no merge, but keeping mine holds until Margin changes again', async () => {
    const t = await setup();
    await t.library.annotations.setNote(t.id, 'Line A');
    await t.exportNotes();
    await t.edit(() => 'I rewrote it all.\n');
    expect(await t.exportNotes()).toMatchObject({ conflicts: [] });
    await t.library.annotations.setNote(t.id, 'Line B');
    await t.exportNotes();
    const [conflict] = await t.call('export:conflicts', { dir: t.dir });
    expect(conflict).toMatchObject({ merge: null, reason: expect.stringMatching(/markers/) });
    const request = { dir: t.dir, paperId: t.id, fingerprint: conflict?.fingerprint ?? '', answers: [] };
    await expect(t.call('export:resolve', { ...request, choice: 'merge' })).rejects.toMatchObject({
      code: 'invalid-request',
    });
    await t.call('export:resolve', { ...request, choice: 'keep-mine' });
    expect(await t.exportNotes()).toMatchObject({ written: [], conflicts: [] });
    expect(await t.read()).toBe('I rewrote it all.\n');
  });

  it('property: whatever is chosen, lines the user wrote outside Margin’s sections are never lost', async () => {
    const t = await setup();
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const choices = ['keep-mine', 'take-margin', 'merge'] as const;
    const chosen: string[] = [];
    for (let round = 0; round < 12; round++) {
      const note = Array.from({ length: 4 }, (_, i) => `Note line ${i} r${round}`);
      await t.library.annotations.setNote(t.id, note.join('\n'));
      await t.exportNotes(); // written, or a conflict left from the round before
      const outside = `Mine outside ${round}`;
      await t.edit((s) => {
        const lines = s.split('\n');
        // After the front matter, at a line that is no marker and not inside a section: before a begin marker.
        const markers = lines.flatMap((l, i) => (/^<!-- margin:/.test(l) ? [i] : []));
        const at = markers[Math.floor(next() * markers.length)] ?? lines.length;
        lines.splice(at, 0, outside);
        return lines.map((l) => (l === note[1] && next() < 0.8 ? `${l} (mine)` : l)).join('\n');
      });
      await t.library.annotations.setNote(t.id, note.map((l, i) => (i <= 1 ? `${l} (Margin)` : l)).join('\n'));
      await t.exportNotes();
      const [conflict] = await t.call('export:conflicts', { dir: t.dir });
      if (conflict) {
        const choice = choices[Math.floor(next() * 3)] ?? 'merge';
        chosen.push(choice);
        const answers = (conflict.merge?.questions ?? []).map(
          () => (['mine', 'margin', 'both'] as const)[Math.floor(next() * 3)] ?? 'both',
        );
        await t.call('export:resolve', {
          dir: t.dir,
          paperId: t.id,
          choice,
          fingerprint: conflict.fingerprint,
          answers,
        });
      }
      const text = await t.read();
      for (let r = 0; r <= round; r++) expect(text).toContain(`Mine outside ${r}`);
    }
    expect(new Set(chosen)).toEqual(new Set(choices)); // every choice was exercised
  });
});
