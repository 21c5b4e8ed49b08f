import { readFile, stat } from 'node:fs/promises';
import { shardFileStats } from '../../storage/shard-stats.js';
import path from 'node:path';
import { attachmentText } from '../../attachments/pdf-text-store.js';
import { type ShardEdits } from '../../storage/edit-log.js';
import {
  CONTENTS_DIR,
  ContentShardSchema,
  MANIFEST_FILE,
  ManifestSchema,
  PAPERS_DIR,
  PaperShardSchema,
  shardPaths,
} from '../../storage/layout.js';
import { parseValidated } from '../../storage/validated-json-file.js';
import { contentText, recordParts } from '../search-corpus.js';
import { paperFacts } from '../paper-facts.js';
import type { IndexedDoc, ShardStamp } from './fts-index.js';

/** The library's shard count, from its manifest. */
export async function readShardCount(dir: string): Promise<number> {
  const file = path.join(dir, MANIFEST_FILE);
  return parseValidated(file, await readFile(file, 'utf8'), ManifestSchema).shardCount;
}

/** What a shard's files are now: size and modification time (files are replaced whole, never edited in place). */
export async function shardStamp(dir: string, shard: number, shardCount: number): Promise<ShardStamp> {
  const one = async (sub: string) => {
    try {
      const s = await stat(shardPaths(dir, sub, shard, shardCount).file);
      return `${s.size}:${s.mtimeMs}`;
    } catch {
      return 'none';
    }
  };
  const [papers, contents] = await Promise.all([one(PAPERS_DIR), one(CONTENTS_DIR)]);
  return { papers, contents };
}

/**
 * Every shard's stamp, as `shardStamp` gives it, at once: each folder is listed first and only the files that
 * exist are asked about, synchronously (the search worker has nothing else to do yet): ~10 ms for 2,048 files,
 * where asking for each shard's two files in turn took ~45.
 */
export function allShardStamps(dir: string, shardCount: number): ShardStamp[] {
  const stampsIn = (sub: string): string[] =>
    shardFileStats(path.join(dir, sub), shardCount).map((s) => (s ? `${s.size}:${s.mtimeMs}` : 'none'));
  const papers = stampsIn(PAPERS_DIR);
  const contents = stampsIn(CONTENTS_DIR);
  return papers.map((stamp, shard) => ({ papers: stamp, contents: contents[shard] ?? 'none' }));
}

export function sameStamp(a: ShardStamp | undefined, b: ShardStamp): boolean {
  return a !== undefined && a.papers === b.papers && a.contents === b.contents;
}

/**
 * A stamp no file has: given to a shard read with the store's pending changes (journal, edit log) on top, so it is
 * read again once they are in its files.
 */
const WITH_LOG = '+log';

/**
 * Every paper's searchable text in one shard, read from its files with `logged` (the store's journal and edit log,
 * see edit-log.ts) on top, as the store sees it; with the stamp taken before reading (so a file replaced meanwhile
 * reads as changed next time, never the other way round). `fromLog`: the log had changes here, so the stamp is
 * one no file has and the shard must be read again once they are in its files. A shard that does not read
 * gives no papers: the main process reports and recovers damaged files.
 */
export async function readShardTexts(
  dir: string,
  shard: number,
  shardCount: number,
  logged: ReadonlyMap<number, ShardEdits> = new Map(),
): Promise<{ docs: IndexedDoc[]; stamp: ShardStamp; fromLog: boolean }> {
  const fileStamp = await shardStamp(dir, shard, shardCount);
  const read = async (sub: string): Promise<string | null> => {
    try {
      return await readFile(shardPaths(dir, sub, shard, shardCount).file, 'utf8');
    } catch {
      return null;
    }
  };
  const [papers, contents] = await Promise.all([read(PAPERS_DIR), read(CONTENTS_DIR)]);
  const edits = logged.get(shard);
  const stamp = edits
    ? { papers: `${fileStamp.papers}${WITH_LOG}`, contents: `${fileStamp.contents}${WITH_LOG}` }
    : fileStamp;
  const docs: IndexedDoc[] = [];
  try {
    const records = new Map(Object.entries(papers ? parseValidated('papers', papers, PaperShardSchema).papers : {}));
    const texts = new Map(
      Object.entries(contents ? parseValidated('contents', contents, ContentShardSchema).contents : {}),
    );
    for (const [id, record] of edits?.records ?? []) {
      if (record) records.set(id, record);
      else records.delete(id);
    }
    for (const [id, content] of edits?.contents ?? []) {
      if (content) texts.set(id, content);
      else texts.delete(id);
    }
    for (const [id, record] of records) {
      // A paper's record and content share a shard index; its PDFs' text is kept beside the PDFs.
      const pdf = record.attachments.length > 0 ? await attachmentText(dir, record) : '';
      docs.push({
        id,
        shard,
        record: recordParts(record),
        facts: paperFacts(record),
        content: contentText(texts.get(id) ?? null, pdf),
      });
    }
  } catch {
    // a damaged shard: the main process has it in hand
  }
  return { docs, stamp, fromLog: edits !== undefined };
}
