import { readFile } from 'node:fs/promises';
import { isErrnoException } from './durable-write.js';

/** A file's text, or null when it does not exist (other errors still throw). */
export async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return null;
    throw error;
  }
}
