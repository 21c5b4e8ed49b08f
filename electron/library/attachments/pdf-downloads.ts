/**
 * Fetching papers' PDFs from arXiv, politely: one at a time, a pause between them, a time limit on each. The
 * queue is a file of the library (`downloads.json`), so downloads left waiting when the app closed go on when
 * it opens again. Offline, nothing is fetched and the queue waits.
 */
import path from 'node:path';
import { z } from 'zod';
import type { LibraryContext } from '../context/library-context.js';
import { readIfExists } from '../storage/read-if-exists.js';
import { writeFileDurable } from '../storage/durable-write.js';
import { parseValidated } from '../storage/validated-json-file.js';
import type { PaperAttachments } from './paper-attachments.js';

export const DOWNLOADS_FILE = 'downloads.json';

const JobSchema = z.object({
  paperId: z.string(),
  url: z.string(),
  state: z.enum(['waiting', 'failed']),
  error: z.string().nullable().default(null),
});
const QueueSchema = z.object({ version: z.literal(1), jobs: z.array(JobSchema) });
export type DownloadJob = z.output<typeof JobSchema>;

export interface DownloadOptions {
  /** Where PDFs come from: `https://arxiv.org` (tests pass a local server); null: offline, the queue waits. */
  readonly baseUrl: string | null;
  readonly fetch?: typeof fetch;
  /** Pause between two downloads (arXiv asks robots for a few seconds). */
  readonly delayMs?: number;
  readonly timeoutMs?: number;
}

export interface DownloadStatus {
  readonly online: boolean;
  readonly waiting: number;
  readonly failed: readonly DownloadJob[];
  /** Downloads finished since the library opened. */
  readonly done: number;
}

export class PdfDownloads {
  private running: Promise<void> | null = null;
  private done = 0;
  private stopped = false;

  constructor(
    private readonly ctx: LibraryContext,
    private readonly attachments: PaperAttachments,
    private readonly options: DownloadOptions,
  ) {}

  /**
   * Queue these papers' PDFs (those with an arXiv id and no PDF on this machine yet); returns what became of each. A paper
   * queued before is queued again (a failed one is retried).
   */
  async enqueue(
    ids: readonly string[],
  ): Promise<Array<{ paperId: string; outcome: 'queued' | 'has-pdf' | 'no-arxiv-id' }>> {
    const queue = await this.read();
    const results: Array<{ paperId: string; outcome: 'queued' | 'has-pdf' | 'no-arxiv-id' }> = [];
    for (const id of ids) {
      const record = await this.ctx.requireRecord(id);
      // A PDF the record lists but this machine lacks (received by sync) does not count: it can be downloaded.
      const here = record.attachments.length - (await this.attachments.absent(record)).length;
      if (here > 0) results.push({ paperId: id, outcome: 'has-pdf' });
      else if (record.arxivId === null) results.push({ paperId: id, outcome: 'no-arxiv-id' });
      else {
        const version = record.arxivVersion ? `v${record.arxivVersion}` : '';
        const job: DownloadJob = {
          paperId: id,
          url: `/pdf/${record.arxivId}${version}`,
          state: 'waiting',
          error: null,
        };
        queue.jobs = [...queue.jobs.filter((j) => j.paperId !== id), job];
        results.push({ paperId: id, outcome: 'queued' });
      }
    }
    await this.write(queue.jobs);
    return results;
  }

  async status(): Promise<DownloadStatus> {
    const { jobs } = await this.read();
    return {
      online: this.options.baseUrl !== null,
      waiting: jobs.filter((j) => j.state === 'waiting').length,
      failed: jobs.filter((j) => j.state === 'failed'),
      done: this.done,
    };
  }

  /** Work through the queue (once; a call while it runs joins that run). Offline, it returns at once. */
  run(): Promise<void> {
    if (this.options.baseUrl === null || this.stopped) return Promise.resolve();
    this.running ??= this.work().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Stop after the download in progress (closing); what is left waits for next time. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async work(): Promise<void> {
    for (let first = true; !this.stopped; first = false) {
      const job = (await this.read()).jobs.find((j) => j.state === 'waiting');
      if (!job) return;
      if (!first) await new Promise((r) => setTimeout(r, this.options.delayMs ?? 3000));
      const error = await this.download(job).then(
        () => null,
        (e: unknown) => (e instanceof Error ? e.message : String(e)),
      );
      const jobs = (await this.read()).jobs;
      await this.write(
        error === null
          ? jobs.filter((j) => j.paperId !== job.paperId)
          : jobs.map((j) => (j.paperId === job.paperId ? { ...j, state: 'failed' as const, error } : j)),
      );
      if (error === null) this.done++;
    }
  }

  private async download(job: DownloadJob): Promise<void> {
    const fetcher = this.options.fetch ?? fetch;
    const url = new URL(job.url, this.options.baseUrl ?? undefined).href;
    const response = await fetcher(url, {
      redirect: 'follow',
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000),
      headers: { accept: 'application/pdf' },
    }).catch((e: unknown) => {
      const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
      throw new Error(timedOut ? `${url}: no answer in time` : `${url}: ${e instanceof Error ? e.message : String(e)}`);
    });
    if (!response.ok) throw new Error(`${url}: the server answered ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const name = `${path.basename(new URL(url).pathname)}.pdf`;
    // attach() checks the bytes are a PDF (a login page or an error page is not).
    await this.attachments.attach(job.paperId, { bytes }, name).catch((e: unknown) => {
      throw new Error(`${url}: ${e instanceof Error ? e.message.replace(`${name}: `, '') : String(e)}`);
    });
  }

  private file(): string {
    return path.join(this.ctx.store.dir, DOWNLOADS_FILE);
  }

  private async read(): Promise<{ jobs: DownloadJob[] }> {
    const text = await readIfExists(this.file());
    return text === null ? { jobs: [] } : parseValidated(this.file(), text, QueueSchema);
  }

  private async write(jobs: readonly DownloadJob[]): Promise<void> {
    await writeFileDurable(this.file(), `${JSON.stringify({ version: 1, jobs }, null, 2)}\n`);
  }
}
