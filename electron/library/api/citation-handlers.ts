import type { Handlers } from '../../../shared/ipc/contract.js';
import type { ArxivCandidate } from '../../../shared/models/citations.js';
import { ArxivLookup } from '../arxiv/arxiv-title-search.js';
import { formatCitations } from '../citations/format-citations.js';
import type { ParsedEntry } from '../paper/entry.js';
import { LibraryError } from '../storage/errors.js';
import type { Session } from './session.js';
import type { FieldChange } from '../merge/revert-merge.js';
import { randomUUID } from 'node:crypto';

/** Matches that can be undone in one session (each is a few fields). */
const MAX_UNDOABLE = 200;

/** Citations to copy, and "Find on arXiv" for a paper without an arXiv id (main goes online, never the page). */
export function createCitationHandlers(
  session: Session,
): Pick<Handlers, 'citations:format' | 'arxiv:findByTitle' | 'arxiv:applyMatch' | 'arxiv:undoMatch'> {
  const { library } = session;
  const arxiv = new ArxivLookup({ baseUrl: session.arxivApi });
  // What each applied match changed, kept here under a token: the page can undo a match, never name values.
  const applied = new Map<string, { paperId: string; changes: readonly FieldChange[] }>();
  return {
    'citations:format': async ({ ids, style }) => {
      // One call for the selection, in its order; an unknown id is a not-found error naming it.
      const papers = await library.papers.list({ ids });
      return { text: await formatCitations(papers, style) };
    },
    'arxiv:findByTitle': async ({ paperId }) => {
      const paper = await library.papers.get(paperId);
      const { entries, message } = await arxiv.searchTitle(paper.title);
      return { candidates: entries.map(candidate), message };
    },
    'arxiv:applyMatch': async ({ paperId, arxivId }) => {
      const entry = await arxiv.entry(arxivId);
      if (typeof entry === 'string') throw new LibraryError(arxiv.online ? 'io' : 'unsupported', entry);
      // The feed's categories become tags only when asked for (as in an import's preview): none here.
      const changes = await library.imports.mergeInto(paperId, { ...entry, tags: [] });
      if (changes.length === 0) return { changed: [], undoToken: null };
      const undoToken = randomUUID();
      applied.set(undoToken, { paperId, changes });
      for (const old of applied.keys()) if (applied.size > MAX_UNDOABLE) applied.delete(old);
      return { changed: changes.map((c) => c.field), undoToken };
    },
    'arxiv:undoMatch': async ({ paperId, undoToken }) => {
      const match = applied.get(undoToken);
      if (!match || match.paperId !== paperId)
        throw new LibraryError(
          'not-found',
          'this match can no longer be undone (Margin was restarted since it was made)',
        );
      applied.delete(undoToken);
      return { reverted: [...(await library.imports.revertMerge(paperId, match.changes))] };
    },
  };
}

function candidate(entry: ParsedEntry): ArxivCandidate {
  return {
    arxivId: entry.arxivId ?? '',
    title: entry.title,
    authors: [...entry.authors],
    year: entry.year,
    venue: entry.venue,
    doi: entry.doi,
  };
}
