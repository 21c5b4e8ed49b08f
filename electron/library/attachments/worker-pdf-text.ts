import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { PdfTextExtractor } from './pdf-text-store.js';

/** Longest a PDF's text may take to read (a paper takes well under a second). */
const TIME_LIMIT_MS = 60_000;

const ReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), pages: z.array(z.string()), title: z.string().nullable() }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);

/** Read each PDF's text in a worker thread of its own (`out/workers/pdf-text-worker.js`), stopped at a time limit. */
export function workerPdfText(workerPath: string): PdfTextExtractor {
  return (file) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(workerPath, { workerData: file });
      const timer = setTimeout(() => {
        void worker.terminate();
        reject(new Error(`reading its text took over ${TIME_LIMIT_MS / 1000} s`));
      }, TIME_LIMIT_MS);
      const finish = () => {
        clearTimeout(timer);
        void worker.terminate();
      };
      worker.once('message', (raw: unknown) => {
        finish();
        const reply = ReplySchema.safeParse(raw);
        if (!reply.success) reject(new Error('the PDF text reader gave no answer'));
        else if (reply.data.ok) resolve({ pages: reply.data.pages, title: reply.data.title });
        else reject(new Error(reply.data.message));
      });
      worker.once('error', (error) => {
        finish();
        reject(error);
      });
    });
}
