import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Every data file of a library (papers and contents shards, manifest, searches), for before/after comparisons. */
export async function librarySnapshot(dir: string): Promise<string> {
  const parts: string[] = [];
  for (const sub of ['.', 'papers', 'contents']) {
    let names: string[] = [];
    try {
      names = (await readdir(path.join(dir, sub))).filter((n) => n.endsWith('.json')).sort();
    } catch {
      continue;
    }
    for (const name of names) parts.push(`${sub}/${name}`, await readFile(path.join(dir, sub, name), 'utf8'));
  }
  return parts.join('\n');
}
