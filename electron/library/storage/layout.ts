import path from 'node:path';
import { z } from 'zod';
import { PaperRecordSchema } from '../../../shared/models/paper.js';

/** The schema version this build writes. Libraries with a higher one open read-only. */
export const CURRENT_VERSION = 1;
/** Shard count: at 100k papers a shard holds ~400 records (~250 KB), so an edit rewrites little. */
export const SHARD_COUNT = 256;

export const MANIFEST_FILE = 'margin.json';
export const JOURNAL_FILE = 'journal.json';
export const PAPERS_DIR = 'papers';
export const ABSTRACTS_DIR = 'abstracts';
export const BACKUPS_DIR = 'backups';
export const QUARANTINE_DIR = 'quarantine';

export const ManifestSchema = z.object({
  format: z.literal('margin-library'),
  version: z.number().int().positive(),
  shardCount: z.number().int().positive(),
  createdAt: z.string(),
});
export type Manifest = z.output<typeof ManifestSchema>;

export const PaperShardSchema = z.object({
  version: z.number().int().positive(),
  papers: z.record(z.string(), PaperRecordSchema),
});
export type PaperShard = z.output<typeof PaperShardSchema>;

export const AbstractShardSchema = z.object({
  version: z.number().int().positive(),
  abstracts: z.record(z.string(), z.string()),
});
export type AbstractShard = z.output<typeof AbstractShardSchema>;

/** A committed multi-shard change, replayed at open if the process died while applying it. */
export const JournalSchema = z.object({
  version: z.number().int().positive(),
  papers: z.record(z.string(), PaperRecordSchema),
  abstracts: z.record(z.string(), z.string().nullable()),
});
export type Journal = z.output<typeof JournalSchema>;

/** FNV-1a: a fast, stable spread of ids over shards (ids are random, but this keeps any id scheme even). */
export function shardOf(id: string, shardCount = SHARD_COUNT): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shardCount;
}

export function shardFileName(index: number): string {
  return `${index.toString(16).padStart(2, '0')}.json`;
}

/** Paths of one shard's file and its previous version. */
export function shardPaths(libraryDir: string, dir: string, index: number): { file: string; previous: string } {
  const name = shardFileName(index);
  return { file: path.join(libraryDir, dir, name), previous: path.join(libraryDir, BACKUPS_DIR, dir, name) };
}
