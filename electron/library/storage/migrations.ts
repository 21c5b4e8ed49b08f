import { z } from 'zod';
import {
  AnnotationSchema,
  NoteSchema,
  PaperRecordSchema,
  countsOf,
  type PaperContent,
  type PaperRecord,
} from '../../../shared/models/paper.js';

/** The version-0 layout: one lowdb file (`library.json`) holding every paper whole. */
export const LEGACY_SINGLE_FILE = 'library.json';

export const V0LibrarySchema = z.object({
  papers: z.array(
    PaperRecordSchema.omit({ annotationCount: true, hasNote: true }).extend({
      abstract: z.string().nullable(),
      note: NoteSchema.nullable(),
      annotations: z.array(AnnotationSchema),
    }),
  ),
});

export interface V1Content {
  readonly records: readonly PaperRecord[];
  readonly contents: ReadonlyMap<string, PaperContent>;
}

/** Pure: split a version-0 single-file library into version-1 records (what the list needs) and contents. */
export function migrateV0ToV1(v0: z.output<typeof V0LibrarySchema>): V1Content {
  const records: PaperRecord[] = [];
  const contents = new Map<string, PaperContent>();
  for (const { abstract, note, annotations, ...rest } of v0.papers) {
    const content: PaperContent = { abstract, note, annotations };
    records.push({ ...rest, ...countsOf(content) });
    contents.set(rest.id, content);
  }
  return { records, contents };
}
