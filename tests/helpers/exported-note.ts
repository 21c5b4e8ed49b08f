import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tempDir } from './temp-dir.js';

/** A fresh export folder (not yet created) inside a temp directory. */
export async function vaultFolder(): Promise<string> {
  return path.join(await tempDir(), 'vault');
}

/** The one paper note in an export folder (the highlights file aside): its name and text. */
export async function exportedNote(dir: string): Promise<{ name: string; text: string }> {
  const names = (await readdir(dir)).filter((f) => f.endsWith('.md') && f !== 'Highlights.md');
  const [name] = names;
  if (names.length !== 1 || name === undefined) throw new Error(`expected one note in ${dir}, found ${names.length}`);
  return { name, text: await readFile(path.join(dir, name), 'utf8') };
}

/** Edit the one paper note in an export folder, as a user would in their notes app. */
export async function editExportedNote(dir: string, change: (text: string) => string): Promise<void> {
  const { name, text } = await exportedNote(dir);
  await writeFile(path.join(dir, name), change(text));
}
