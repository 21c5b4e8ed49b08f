import { randomBytes } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { IMPORT_FORMATS, TagSchema } from '../../../shared/models/paper.js';
import { TriageDecisionSchema, TriageSummarySchema } from '../../../shared/models/triage.js';
import { writeFileDurable } from '../storage/durable-write.js';
import { LibraryError } from '../storage/errors.js';
import { ValidatedJsonFile } from '../storage/validated-json-file.js';

/** Triage's folder in the library: the skip memory, the watch list and each digest triaged. */
export const TRIAGE_DIR = 'triage';
const SESSIONS_DIR = 'sessions';

/** The digest as it was pasted, kept so a triage can be reopened and finished again. */
export const TriageSourceSchema = z.object({
  text: z.string(),
  html: z.string().nullable(),
  format: z.enum(['auto', ...IMPORT_FORMATS]),
  fileName: z.string().nullable(),
});
export type TriageSource = z.output<typeof TriageSourceSchema>;

const DecisionSchema = z.object({ decision: TriageDecisionSchema.nullable(), tags: z.array(TagSchema) });
export type StoredDecision = z.output<typeof DecisionSchema>;

const SessionFileSchema = z.object({
  version: z.literal(1),
  summary: TriageSummarySchema,
  /** Decisions by entry position (as text: JSON keys). */
  decisions: z.record(z.string().regex(/^\d{1,7}$/), DecisionSchema),
});
export type SessionFile = z.output<typeof SessionFileSchema>;

const ID = /^[a-z0-9-]{1,64}$/;

/** Each triaged digest as two files: its decisions (small, rewritten per key press) and its source (written once). */
export class TriageSessions {
  constructor(private readonly libraryDir: string) {}

  private get dir(): string {
    return path.join(this.libraryDir, TRIAGE_DIR, SESSIONS_DIR);
  }

  newId(now: Date): string {
    return `${now.toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`;
  }

  async create(id: string, session: SessionFile, source: TriageSource): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFileDurable(this.sourcePath(id), JSON.stringify(source));
    await this.save(id, session);
  }

  async read(id: string): Promise<{ session: SessionFile; source: TriageSource }> {
    if (!ID.test(id)) throw new LibraryError('invalid-request', `no triage ${JSON.stringify(id.slice(0, 40))}`);
    const session = await new ValidatedJsonFile(this.sessionPath(id), SessionFileSchema).read();
    const source = await new ValidatedJsonFile(this.sourcePath(id), TriageSourceSchema).read();
    if (!session || !source) throw new LibraryError('not-found', `no triage ${id} in ${this.dir}`);
    return { session, source };
  }

  async save(id: string, session: SessionFile): Promise<void> {
    await new ValidatedJsonFile(this.sessionPath(id), SessionFileSchema).write(session);
  }

  /** Every triage's summary, newest first; a damaged file is left out rather than hiding the others. */
  async summaries(): Promise<z.output<typeof TriageSummarySchema>[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const out: z.output<typeof TriageSummarySchema>[] = [];
    for (const name of names) {
      const match = /^([a-z0-9-]{1,64})\.json$/.exec(name);
      if (!match?.[1] || name.endsWith('.source.json')) continue;
      try {
        const file = await new ValidatedJsonFile(this.sessionPath(match[1]), SessionFileSchema).read();
        if (file) out.push(file.summary);
      } catch {
        // A damaged triage record is skipped; the library itself is untouched by it.
      }
    }
    return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  private sessionPath(id: string): string {
    return path.join(this.dir, `${id}.json`);
  }

  private sourcePath(id: string): string {
    return path.join(this.dir, `${id}.source.json`);
  }
}
