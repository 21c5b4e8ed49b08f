import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { writeFileDurable, isErrnoException } from './durable-write.js';
import { CorruptFileError } from './errors.js';
import { recordLines, stableStringify } from './stable-json.js';
import { firstIssue } from '../../../shared/validation.js';

/**
 * lowdb adapter for one JSON file: what is read is parsed and validated (a bad file throws
 * CorruptFileError naming the file and the field, never turns into empty data), and what is written
 * is stable pretty JSON replaced durably, with the previous version kept aside.
 */
export class ValidatedJsonFile<S extends z.ZodType> implements Adapter<z.output<S>> {
  constructor(
    readonly filePath: string,
    private readonly schema: S,
    private readonly previousVersionPath?: string,
    /** See stableStringify: 2 writes one record per line. */
    private readonly inlineDepth = Number.POSITIVE_INFINITY,
  ) {}

  async read(): Promise<z.output<S> | null> {
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      return this.unreadable(error);
    }
    return parseValidated(this.filePath, text, this.schema);
  }

  /**
   * `read`, blocking: for reading many small files in a row (opening a library), where the four threads that
   * serve asynchronous reads cost more in round trips (open, stat, read, close each) than the reads themselves.
   */
  readSync(): z.output<S> | null {
    let text: string;
    try {
      text = readFileSync(this.filePath, 'utf8');
    } catch (error) {
      return this.unreadable(error);
    }
    return parseValidated(this.filePath, text, this.schema);
  }

  private unreadable(error: unknown): null {
    if (isErrnoException(error) && error.code === 'ENOENT') return null;
    throw new CorruptFileError(this.filePath, `cannot be read (${describe(error)})`);
  }

  /** `syncFolder: false`: see `writeFileDurable` (a journaled write, whose folder the caller syncs once). */
  async write(data: z.output<S>, { syncFolder = true }: { syncFolder?: boolean } = {}): Promise<void> {
    const options = this.previousVersionPath === undefined ? {} : { previousVersionPath: this.previousVersionPath };
    await writeFileDurable(this.filePath, stableStringify(data, this.inlineDepth, recordLines), {
      ...options,
      syncFolder,
    });
  }
}

/** Parse JSON text and validate it, or throw CorruptFileError saying what is wrong where. */
export function parseValidated<S extends z.ZodType>(filePath: string, text: string, schema: S): z.output<S> {
  if (text.trim() === '') throw new CorruptFileError(filePath, 'is empty');
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new CorruptFileError(filePath, `is not valid JSON (${describe(error)})`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const { where, message } = firstIssue(result.error);
    throw new CorruptFileError(
      filePath,
      `has unexpected content at ${where === 'top' ? 'top level' : `field ${where}`}: ${message}`,
    );
  }
  return result.data;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
