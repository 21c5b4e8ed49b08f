import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';

const perTest: string[] = [];
const perFile: string[] = [];

/** A fresh temp directory, removed after the test. */
export async function tempDir(prefix = 'margin-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  perTest.push(dir);
  return dir;
}

/** A temp directory that lives until every test in the file has run (for a server started in beforeAll). */
export async function suiteTempDir(prefix = 'margin-suite-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  perFile.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(perTest.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
afterAll(async () => {
  await Promise.all(perFile.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
