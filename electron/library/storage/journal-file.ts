/** The journal file: a multi-shard change written whole before it is applied (the commit point), replayed at open. */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { PaperContent, PaperRecord } from '../../../shared/models/paper.js';
import { nodeDurableFs, syncFolder, writeFileDurable } from './durable-write.js';
import { turns } from './turns.js';
import { recordLine } from './stable-json.js';
import { CorruptFileError } from './errors.js';
import { CURRENT_VERSION, JOURNAL_FILE, JournalSchema, type Journal } from './layout.js';
import { readIfExistsSync } from './read-if-exists.js';
import { parseValidated } from './validated-json-file.js';

/** A journal of these changes, in the version this build writes. */
export function journalOf(
  records: readonly PaperRecord[],
  contents: ReadonlyMap<string, PaperContent>,
  deleted: readonly string[],
): Journal {
  return {
    version: CURRENT_VERSION,
    papers: Object.fromEntries(records.map((r) => [r.id, r])),
    contents: Object.fromEntries(contents),
    deleted: [...deleted],
  };
}

/** Write the journal durably: once this resolves, the change is committed. */
export async function writeJournal(dir: string, journal: Journal): Promise<void> {
  await writeFileDurable(path.join(dir, JOURNAL_FILE), await journalChunks(journal));
}

/** Pieces of the journal's text joined at about this size: each is turned into bytes well within a turn. */
const CHUNK_CHARS = 1 << 20;

/**
 * `JSON.stringify(journal)`, in pieces of about a megabyte, made a paper at a time in turns of the event loop: an
 * import of 10,000 papers makes a 25 MB journal, which held the loop for over 100 ms written in one go, and ~70 ms
 * more joined into one string and turned into bytes at once.
 */
export async function journalChunks(journal: Journal): Promise<string[]> {
  const work = turns();
  const chunks: string[] = [];
  let pending: string[] = [`{"version":${JSON.stringify(journal.version)}`];
  let pendingChars = 0;
  const push = (piece: string): void => {
    pending.push(piece);
    pendingChars += piece.length;
    if (pendingChars < CHUNK_CHARS) return;
    chunks.push(pending.join(''));
    pending = [];
    pendingChars = 0;
  };
  for (const [name, map] of [
    ['papers', journal.papers],
    ['contents', journal.contents],
  ] as const) {
    push(`,"${name}":{`);
    let first = true;
    for (const [id, value] of Object.entries(map)) {
      // The same text its shard writes next (see recordLines): each paper is serialized once.
      push(`${first ? '' : ','}${JSON.stringify(id)}:${recordLine(value)}`);
      first = false;
      if (work.due()) await work.turn();
    }
    push('}');
  }
  push(`,"deleted":${JSON.stringify(journal.deleted)}}`);
  chunks.push(pending.join(''));
  return chunks;
}

/**
 * Drop the journal once its changes are in the shards, durably: a journal that came back after a crash would be
 * replayed over the edits made after it.
 */
export async function removeJournal(dir: string): Promise<void> {
  await rm(path.join(dir, JOURNAL_FILE), { force: true });
  await syncFolder(nodeDurableFs, dir);
}

/** The journal left by a change that was committed but maybe not applied, or null when there is none. */
export async function readJournal(dir: string): Promise<Journal | null> {
  return readJournalSync(dir);
}

/** `readJournal`, for a reader with nothing else to do meanwhile (the search worker). */
export function readJournalSync(dir: string): Journal | null {
  const file = path.join(dir, JOURNAL_FILE);
  const text = readIfExistsSync(file);
  if (text === null) return null;
  try {
    return parseValidated(file, text, JournalSchema);
  } catch (error) {
    // The journal is written atomically, so a bad one was never committed: its change never happened.
    if (error instanceof CorruptFileError) return null;
    throw error;
  }
}
