import { z } from 'zod';

/** Most ids one change event names; a larger change names none of them and says how many there were. */
export const MAX_CHANGE_IDS = 1000;

/**
 * Main → renderer, after the library changed (an edit, an import, another window, the CLI through serve):
 * which papers, and whether their content (abstract, note, highlights) changed or only list fields.
 * The renderer refreshes from this event alone.
 */
export const LibraryChangeSchema = z.object({
  ids: z.array(z.string().max(200)).max(MAX_CHANGE_IDS),
  /** How many papers changed; more than `ids.length` when the event was too large to name them all. */
  count: z.number().int().nonnegative(),
  content: z.boolean(),
});
export type LibraryChange = z.output<typeof LibraryChangeSchema>;

/** The event for a change to these papers. */
export function libraryChange(ids: readonly string[], content: boolean): LibraryChange {
  return { ids: ids.length <= MAX_CHANGE_IDS ? [...ids] : [], count: ids.length, content };
}

/** An event that could not be read is taken as "anything may have changed". */
const EVERYTHING: LibraryChange = { ids: [], count: 1, content: true };

export function parseLibraryChange(raw: unknown): LibraryChange {
  const parsed = LibraryChangeSchema.safeParse(raw);
  return parsed.success ? parsed.data : EVERYTHING;
}

/** Whether the change may touch this paper. */
export function changeTouches(change: LibraryChange, id: string): boolean {
  return change.ids.length < change.count || change.ids.includes(id);
}
