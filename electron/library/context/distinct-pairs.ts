import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { BACKUPS_DIR } from '../storage/layout.js';
import { ValidatedJsonFile } from '../storage/validated-json-file.js';

export const DistinctFileSchema = z.object({
  version: z.literal(1),
  pairs: z.array(z.tuple([z.string(), z.string()])),
});

/** Pairs the user said are not the same paper (`distinct.json`), so they are never offered as duplicates again. */
export class DistinctPairs {
  private constructor(
    private readonly db: Low<z.output<typeof DistinctFileSchema>>,
    private readonly set: Set<string>,
  ) {}

  static async open(libraryDir: string): Promise<DistinctPairs> {
    const db = new Low(
      new ValidatedJsonFile(
        path.join(libraryDir, 'distinct.json'),
        DistinctFileSchema,
        path.join(libraryDir, BACKUPS_DIR, 'distinct.json'),
      ),
      { version: 1 as const, pairs: [] },
    );
    await db.read();
    return new DistinctPairs(db, new Set(db.data.pairs.map(([a, b]) => key(a, b))));
  }

  has(a: string, b: string): boolean {
    return this.set.has(key(a, b));
  }

  async add(a: string, b: string): Promise<void> {
    if (this.has(a, b)) return;
    this.set.add(key(a, b));
    this.db.data = { version: 1, pairs: [...this.db.data.pairs, [a, b]] };
    await this.db.write();
  }
}

function key(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
