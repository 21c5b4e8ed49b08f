import { copyFile, readFile, readdir, truncate, writeFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../../../electron/library/library.js';
import {
  JOURNAL_FILE,
  MANIFEST_FILE,
  QUARANTINE_DIR,
  paperShardFile,
} from '../../../../electron/library/storage/layout.js';
import { LEGACY_SINGLE_FILE, V0LibrarySchema, migrateV0ToV1 } from '../../../../electron/library/storage/migrations.js';
import { fixedDeps } from '../../../helpers/fixed-deps.js';
import { tempDir } from '../../../helpers/temp-dir.js';

const DIGEST =
  'First Paper On Things\n\nAn abstract that says what the first paper does, at length.\n\nSecond Paper On Stuff\n\nAnother abstract, also long enough to read as a sentence.';

async function seeded(dir: string) {
  const deps = fixedDeps();
  const library = await Library.open({ dir, mode: 'write', holder: 'test', deps });
  const report = await library.imports.run({ text: DIGEST, format: 'auto', fileName: null, tags: [], dryRun: false });
  return { library, deps, ids: report.ids };
}

function shardFile(dir: string, id: string): string {
  return paperShardFile(dir, id);
}

describe('LibraryStore on disk', () => {
  it('writes readable, stable, pretty JSON', async () => {
    const dir = await tempDir();
    const { library, ids } = await seeded(dir);
    await library.close();
    const text = await readFile(shardFile(dir, ids[0] ?? ''), 'utf8');
    expect(text).toContain('\n  "papers": {\n');
    const keys = Object.keys(
      (JSON.parse(text) as { papers: Record<string, Record<string, unknown>> }).papers[ids[0] ?? ''] ?? {},
    );
    expect(keys).toEqual([...keys].sort());
  });

  it('keeps a truncated file aside, restores its previous version, and says so', async () => {
    const dir = await tempDir();
    const { library, ids } = await seeded(dir);
    const id = ids[0] ?? '';
    await library.close();
    // Edited in a second session: its edits are written into the shard at close, the first version kept in backups/.
    const second = await Library.open({ dir, mode: 'write', holder: 'test', deps: fixedDeps() });
    await second.papers.setStatus(id, 'reading');
    await second.close();
    const file = shardFile(dir, id);
    const before = await readFile(file);
    await truncate(file, 40);
    const damaged = await readFile(file);

    const reopened = await Library.open({ dir, mode: 'write', holder: 'test', deps: fixedDeps() });
    await reopened.papers.records();
    expect(reopened.notices.map((n) => n.message).join('\n')).toMatch(
      /not valid JSON.*kept at .*quarantine.*restored/s,
    );
    const kept = await readdir(path.join(dir, QUARANTINE_DIR));
    expect(kept).toHaveLength(1);
    expect(await readFile(path.join(dir, QUARANTINE_DIR, kept[0] ?? ''))).toEqual(damaged);
    expect((await reopened.papers.get(id)).title).toBe('First Paper On Things');
    expect(before.length).toBeGreaterThan(damaged.length);
    await reopened.close();
  });

  it('a reader reports a damaged file and changes nothing on disk', async () => {
    const dir = await tempDir();
    const { library, ids } = await seeded(dir);
    await library.close();
    const file = shardFile(dir, ids[0] ?? '');
    await writeFile(file, '\0\0\0\0');
    const mtime = (await stat(file)).mtimeMs;
    const reader = await Library.open({ dir, mode: 'read', holder: 'test' });
    await reader.papers.records();
    expect(reader.notices[0]?.message).toContain(file);
    expect(reader.notices[0]?.message).toContain('left untouched');
    expect(await readFile(file, 'utf8')).toBe('\0\0\0\0');
    expect((await stat(file)).mtimeMs).toBe(mtime);
    await expect(readdir(path.join(dir, QUARANTINE_DIR))).rejects.toThrow();
  });

  it('never replaces a damaged file with nothing when there is no backup: the bytes are kept and the user told', async () => {
    const dir = await tempDir();
    const { library, ids } = await seeded(dir);
    await library.close();
    const file = shardFile(dir, ids[0] ?? '');
    await writeFile(file, '{"version":1,"papers":{"x":{"id":"BAD"}}}');
    const reopened = await Library.open({ dir, mode: 'write', holder: 'test', deps: fixedDeps() });
    await reopened.papers.records();
    expect(reopened.notices[0]?.level).toBe('error');
    expect(reopened.notices[0]?.message).toMatch(/unexpected content at field papers\.x.*no backup/s);
    const kept = await readdir(path.join(dir, QUARANTINE_DIR));
    expect(await readFile(path.join(dir, QUARANTINE_DIR, kept[0] ?? ''), 'utf8')).toContain('"BAD"');
    await reopened.close();
  });

  it('opens a library from a newer Margin read-only and refuses edits', async () => {
    const dir = await tempDir();
    const { library, ids } = await seeded(dir);
    await library.close();
    const manifestPath = path.join(dir, MANIFEST_FILE);
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
    await writeFile(manifestPath, JSON.stringify({ ...manifest, version: 99 }));
    const newer = await Library.open({ dir, mode: 'write', holder: 'test' });
    expect(newer.readOnly).toBe(true);
    expect(newer.notices[0]?.message).toContain('newer Margin');
    await expect(newer.papers.setStatus(ids[0] ?? '', 'read')).rejects.toThrow(/read-only/);
    expect(JSON.parse(await readFile(manifestPath, 'utf8'))).toMatchObject({ version: 99 });
    await newer.close();
  });

  it('replays a committed journal left by a crash', async () => {
    const dir = await tempDir();
    const { library, ids } = await seeded(dir);
    const id = ids[1] ?? '';
    const record = await library.papers.get(id);
    await library.close();
    const { abstract: _a, note, annotations, ...rest } = record;
    const journal = {
      version: 1,
      papers: { [id]: { ...rest, status: 'read' } },
      contents: { [id]: { abstract: 'A much longer replacement abstract.', note, annotations } },
    };
    await writeFile(path.join(dir, JOURNAL_FILE), JSON.stringify(journal));
    const reader = await Library.open({ dir, mode: 'read', holder: 'test' });
    expect((await reader.papers.get(id)).status).toBe('read');
    const writer = await Library.open({ dir, mode: 'write', holder: 'test' });
    expect(await readdir(dir)).not.toContain(JOURNAL_FILE);
    expect(await writer.papers.get(id)).toMatchObject({
      status: 'read',
      abstract: 'A much longer replacement abstract.',
    });
    await writer.close();
  });
});

describe('migrations', () => {
  it('v0 → v1 splits records from abstracts (pure)', async () => {
    const v0 = V0LibrarySchema.parse(
      JSON.parse(
        await readFile(path.resolve(import.meta.dirname, '../../../fixtures/migrations/v0-library.json'), 'utf8'),
      ),
    );
    const { records, contents } = migrateV0ToV1(v0);
    expect(records.map((r) => r.id)).toEqual(['legacy00000001', 'legacy00000002']);
    expect(records[0]).not.toHaveProperty('abstract');
    expect(records[0]).toMatchObject({ annotationCount: 0, hasNote: true });
    expect(contents.get('legacy00000001')).toEqual({
      abstract: v0.papers[0]?.abstract,
      note: { text: 'Classic.', updatedAt: '2024-01-01T00:00:00.000Z' },
      annotations: [],
    });
    expect(contents.get('legacy00000002')).toEqual({ abstract: null, note: null, annotations: [] });
  });

  it('opening a v0 single-file library moves it into shards and keeps the original', async () => {
    const dir = await tempDir();
    await copyFile(
      path.resolve(import.meta.dirname, '../../../fixtures/migrations/v0-library.json'),
      path.join(dir, LEGACY_SINGLE_FILE),
    );
    const library = await Library.open({ dir, mode: 'write', holder: 'test' });
    expect(library.notices[0]?.message).toContain('Moved 2 papers');
    expect(await library.papers.get('legacy00000001')).toMatchObject({
      status: 'read',
      note: { text: 'Classic.' },
      abstract: expect.stringContaining('sequence transduction'),
    });
    expect(await readdir(path.join(dir, 'backups'))).toContain(`${LEGACY_SINGLE_FILE}.v0`);
    await library.close();
  });
});
