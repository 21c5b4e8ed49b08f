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
  await writeFileDurable(path.join(dir, JOURNAL_FILE), await journalText(journal));
}

/**
 * `JSON.stringify(journal)`, a paper at a time in turns of the event loop: an import of 10,000 papers makes a
 * 25 MB journal, which held the loop for over 100 ms written in one go.
 */
export async function journalText(journal: Journal): Promise<string> {
  const work = turns();
  const parts: string[] = [`{"version":${JSON.stringify(journal.version)}`];
  for (const [name, map] of [
    ['papers', journal.papers],
    ['contents', journal.contents],
  ] as const) {
    const members: string[] = [];
    for (const [id, value] of Object.entries(map)) {
      // The same text its shard writes next (see recordLines): each paper is serialized once.
      members.push(`${JSON.stringify(id)}:${recordLine(value)}`);
      if (work.due()) await work.turn();
    }
    parts.push(`,"${name}":{${members.join(',')}}`);
  }
  parts.push(`,"deleted":${JSON.stringify(journal.deleted)}}`);
  return parts.join('');
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
