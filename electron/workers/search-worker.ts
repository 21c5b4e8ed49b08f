// The search worker: holds every paper's searchable text, off the main thread, and answers searches.
// It reads the library folder itself (read-only, no lock), so the main process never loads abstracts.
import { parentPort, workerData } from 'node:worker_threads';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SearchCorpus, contentText, recordText } from '../library/search/search-corpus.js';
import { attachmentText } from '../library/attachments/pdf-text-store.js';
import { own } from '../../shared/own.js';
import type { WorkerReply, WorkerRequest } from '../library/search/worker-protocol.js';
import {
  CONTENTS_DIR,
  ContentShardSchema,
  MANIFEST_FILE,
  ManifestSchema,
  PAPERS_DIR,
  PaperShardSchema,
  shardPaths,
} from '../library/storage/layout.js';
import { parseValidated } from '../library/storage/validated-json-file.js';

if (!parentPort) throw new Error('search-worker must run as a worker thread');
const port = parentPort;
const { dir } = workerData as { dir: string }; // set by WorkerTextSearch, the only creator of this worker

const started = performance.now();
const corpus = new SearchCorpus();

/**
 * Read each shard, keep only its text, and let the parsed shard go: the worker never holds the
 * library's objects, only one string per paper part. A shard that does not read is skipped here
 * (the main process reports and recovers damaged files).
 */
async function load(): Promise<void> {
  const manifest = parseValidated(
    path.join(dir, MANIFEST_FILE),
    await readFile(path.join(dir, MANIFEST_FILE), 'utf8'),
    ManifestSchema,
  );
  const read = async (sub: string, index: number): Promise<string | null> => {
    try {
      return await readFile(shardPaths(dir, sub, index, manifest.shardCount).file, 'utf8');
    } catch {
      return null;
    }
  };
  for (let index = 0; index < manifest.shardCount; index++) {
    const [papers, contents] = await Promise.all([read(PAPERS_DIR, index), read(CONTENTS_DIR, index)]);
    try {
      const records = papers ? parseValidated('papers', papers, PaperShardSchema).papers : {};
      for (const [id, record] of Object.entries(records)) corpus.setRecord(id, recordText(record));
      if (contents)
        for (const [id, content] of Object.entries(parseValidated('contents', contents, ContentShardSchema).contents)) {
          // A paper's record and content share a shard index; its PDFs' text is kept beside the PDFs.
          const record = own(records, id);
          const pdf = record && record.attachments.length > 0 ? await attachmentText(dir, record) : '';
          corpus.setContent(id, contentText(content, pdf));
        }
    } catch {
      // a damaged shard: the main process has it in hand
    }
  }
}

const ready = load().then(() => {
  const reply: WorkerReply = { type: 'ready', papers: corpus.size, ms: performance.now() - started };
  port.postMessage(reply);
});

// Each message waits for the corpus, and messages are handled in the order they came.
let queue: Promise<unknown> = ready;
port.on('message', (message: WorkerRequest) => {
  queue = queue
    .then(() => handle(message))
    .catch((error: unknown) => {
      const reply: WorkerReply = { type: 'error', message: error instanceof Error ? error.message : String(error) };
      port.postMessage(reply);
    });
});

function handle(message: WorkerRequest): void {
  switch (message.type) {
    case 'update':
      for (const [id, record, content] of message.docs) {
        if (record === null) {
          corpus.delete(id);
          continue;
        }
        corpus.setRecord(id, record);
        if (content !== undefined) corpus.setContent(id, content);
      }
      return;
    case 'search': {
      const reply: WorkerReply = { type: 'result', requestId: message.requestId, ids: corpus.match(message.query) };
      port.postMessage(reply);
      return;
    }
  }
}
