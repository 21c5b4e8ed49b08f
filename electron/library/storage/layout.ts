import path from 'node:path';
import { z } from 'zod';
import { PaperContentSchema, PaperRecordSchema } from '../../../shared/models/paper.js';

/** The schema version this build writes. Libraries with a higher one open read-only. */
export const CURRENT_VERSION = 1;
/** Shard count for new libraries (kept in the manifest): see README, Architecture, for how it was chosen. */
export const DEFAULT_SHARD_COUNT = 1024;

export const MANIFEST_FILE = 'margin.json';
export const JOURNAL_FILE = 'journal.json';
/** Small changes appended one line each, later written into their shards (see edit-log.ts). */
export const EDIT_LOG_FILE = 'edits.log';
export const PAPERS_DIR = 'papers';
export const CONTENTS_DIR = 'contents';
export const BACKUPS_DIR = 'backups';
export const QUARANTINE_DIR = 'quarantine';
/** PDFs, each stored once under its SHA-256 (`<hash>.pdf`): never changed in place, so backups link them. */
export const ATTACHMENTS_DIR = 'attachments';

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

export const ContentShardSchema = z.object({
  version: z.number().int().positive(),
  contents: z.record(z.string(), PaperContentSchema),
});
export type ContentShard = z.output<typeof ContentShardSchema>;

/** A committed multi-shard change, replayed at open if the process died while applying it. */
export const JournalSchema = z.object({
  version: z.number().int().positive(),
  papers: z.record(z.string(), PaperRecordSchema),
  contents: z.record(z.string(), PaperContentSchema),
  /** Papers removed for good (emptying the Trash). */
  deleted: z.array(z.string()).default([]),
});
export type Journal = z.output<typeof JournalSchema>;

/** FNV-1a: a fast, stable spread of ids over shards (ids are random, but this keeps any id scheme even). */
export function shardOf(id: string, shardCount: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shardCount;
}

/** `0a3.json`: hex, padded to the width of the largest index. */
export function shardFileName(index: number, shardCount: number): string {
  const width = (shardCount - 1).toString(16).length;
  return `${index.toString(16).padStart(width, '0')}.json`;
}

/** Paths of one shard's file and its previous version. */
export function shardPaths(
  libraryDir: string,
  dir: string,
  index: number,
  shardCount: number,
): { file: string; previous: string } {
  const name = shardFileName(index, shardCount);
  return { file: path.join(libraryDir, dir, name), previous: path.join(libraryDir, BACKUPS_DIR, dir, name) };
}

/** The file holding a paper's record in a library with the default shard count. */
export function paperShardFile(libraryDir: string, id: string, shardCount = DEFAULT_SHARD_COUNT): string {
  return shardPaths(libraryDir, PAPERS_DIR, shardOf(id, shardCount), shardCount).file;
}
