import { z } from 'zod';
import { PaperRecordSchema, type PaperRecord } from '../../../shared/models/paper.js';

/** The version-0 layout: one lowdb file (`library.json`) holding every paper with its abstract. */
export const LEGACY_SINGLE_FILE = 'library.json';

export const V0LibrarySchema = z.object({
  papers: z.array(PaperRecordSchema.extend({ abstract: z.string().nullable() })),
});

export interface V1Content {
  readonly records: readonly PaperRecord[];
  readonly abstracts: ReadonlyMap<string, string>;
}

/** Pure: split a version-0 single-file library into version-1 records and abstracts. */
export function migrateV0ToV1(v0: z.output<typeof V0LibrarySchema>): V1Content {
  const records: PaperRecord[] = [];
  const abstracts = new Map<string, string>();
  for (const { abstract, ...record } of v0.papers) {
    records.push(record);
    if (abstract !== null) abstracts.set(record.id, abstract);
  }
  return { records, abstracts };
}
