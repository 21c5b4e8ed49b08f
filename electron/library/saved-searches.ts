import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { SavedSearchSchema, type SavedSearch } from '../../shared/models/views.js';
import { BACKUPS_DIR } from './storage/layout.js';
import { ValidatedJsonFile } from './storage/validated-json-file.js';

export const SavedSearchesFileSchema = z.object({ version: z.literal(1), searches: z.array(SavedSearchSchema) });

/** Searches the user saved to the sidebar, kept in the library folder (`searches.json`) so they travel with it. */
export class SavedSearches {
  private constructor(private readonly db: Low<z.output<typeof SavedSearchesFileSchema>>) {}

  static async open(libraryDir: string): Promise<SavedSearches> {
    const file = new ValidatedJsonFile(
      path.join(libraryDir, 'searches.json'),
      SavedSearchesFileSchema,
      path.join(libraryDir, BACKUPS_DIR, 'searches.json'),
    );
    const db = new Low(file, { version: 1 as const, searches: [] });
    // Blocking: read while the library opens, before anything else runs (see ShardSet.load).
    db.data = file.readSync() ?? db.data;
    return new SavedSearches(db);
  }

  /** Read the file again (after a backup was restored under it), so the next save does not overwrite what came back. */
  async reload(): Promise<void> {
    await this.db.read();
  }

  list(): SavedSearch[] {
    return [...this.db.data.searches];
  }

  /** Save a search; saving a name again replaces that search's query. */
  async save(name: string, query: string): Promise<SavedSearch[]> {
    const existing = this.db.data.searches.find((s) => s.name.toLowerCase() === name.toLowerCase());
    const searches = existing
      ? this.db.data.searches.map((s) => (s === existing ? { ...s, query } : s))
      : [...this.db.data.searches, { id: randomBytes(6).toString('hex'), name, query }];
    this.db.data = { version: 1, searches };
    await this.db.write();
    return this.list();
  }

  async remove(id: string): Promise<SavedSearch[]> {
    this.db.data = { version: 1, searches: this.db.data.searches.filter((s) => s.id !== id) };
    await this.db.write();
    return this.list();
  }
}
