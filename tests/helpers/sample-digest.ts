import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SAMPLE_DIGEST_PATH = path.resolve(import.meta.dirname, '../fixtures/daily-papers.txt');

/** The sample page's papers as a person reads them: title paragraph, then abstract paragraph, after the 5 lines of page furniture. */
export function samplePapers(): Array<{ title: string; abstract: string }> {
  const paragraphs = readFileSync(SAMPLE_DIGEST_PATH, 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const body = paragraphs.slice(5);
  const out: Array<{ title: string; abstract: string }> = [];
  for (let i = 0; i < body.length; i += 2) out.push({ title: body[i] ?? '', abstract: body[i + 1] ?? '' });
  return out;
}
