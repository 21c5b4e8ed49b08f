import { PaperIdSchema, type PaperId } from '../models/paper.js';

/** The scheme the app registers with the OS (electron-builder.yml `protocols`). */
export const MARGIN_SCHEME = 'margin';

/** What a `margin://` link asks for. Only papers for now. */
export interface MarginLink {
  readonly kind: 'paper';
  readonly id: PaperId;
}

/** Longer than any paper link could be: `margin://paper/` and a 32-character id. */
const MAX_LINK_CHARS = 64;
/** The whole link, as sent: no credentials, port, query, fragment, escapes or extra path; an optional final slash. */
const PAPER_LINK = /^margin:\/\/paper\/([a-z0-9]{8,32})\/?$/;

/**
 * `margin://paper/<id>` as a link, or null for anything else. A link comes from any web page or document, so the
 * raw text is matched whole, before URL parsing could normalize a trick away (`%2e`, `..`, `\`, `@`, case).
 */
export function parseMarginLink(raw: unknown): MarginLink | null {
  if (typeof raw !== 'string' || raw.length > MAX_LINK_CHARS) return null;
  const id = PAPER_LINK.exec(raw)?.[1];
  if (id === undefined) return null;
  const parsed = PaperIdSchema.safeParse(id);
  return parsed.success ? { kind: 'paper', id: parsed.data } : null;
}

/** The link to a paper, as `parseMarginLink` reads it back. */
export function paperLink(id: PaperId): string {
  return `${MARGIN_SCHEME}://paper/${id}`;
}
