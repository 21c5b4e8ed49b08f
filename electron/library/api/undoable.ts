import type { EditHistory } from '../history/edit-history.js';

/** How an edit is named in "Undid …" and "Redid …", and which edits in a row are one step (typing in one note). */
export interface UndoableOptions<Req> {
  readonly label: (request: Req) => string;
  readonly key?: (request: Req) => string;
}

/** A handler whose writes become one step of the undo history. */
export function undoable<Req, Res>(
  history: EditHistory,
  options: UndoableOptions<Req>,
  handler: (request: Req) => Promise<Res>,
): (request: Req) => Promise<Res> {
  return (request) =>
    history.record(options.label(request), () => handler(request), {
      ...(options.key ? { key: options.key(request) } : {}),
    });
}

/** "1 paper", "12 papers". */
export function papers(count: number): string {
  return `${count} ${count === 1 ? 'paper' : 'papers'}`;
}

/** Tags as the user sees them: `#llm, #rl`. */
export function tagList(tags: readonly string[]): string {
  return tags.map((t) => `#${t}`).join(', ');
}
