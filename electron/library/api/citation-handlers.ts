import type { Handlers } from '../../../shared/ipc/contract.js';
import type { ArxivCandidate } from '../../../shared/models/citations.js';
import { ArxivLookup } from '../arxiv/arxiv-title-search.js';
import { formatCitations } from '../citations/format-citations.js';
import type { ParsedEntry } from '../paper/entry.js';
import { LibraryError } from '../storage/errors.js';
import type { Session } from './session.js';
import { undoable } from './undoable.js';

/** Citations to copy, and "Find on arXiv" for a paper without an arXiv id (main goes online, never the page). */
export function createCitationHandlers(
  session: Session,
): Pick<Handlers, 'citations:format' | 'arxiv:findByTitle' | 'arxiv:applyMatch'> {
  const { library } = session;
  const arxiv = new ArxivLookup({ baseUrl: session.arxivApi });
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
    // One step of the undo history, like every edit: Ctrl+Z empties what the match filled in.
    'arxiv:applyMatch': undoable(
      library.history,
      { label: ({ arxivId }) => `match with arXiv:${arxivId}` },
      async (r) => {
        const entry = await arxiv.entry(r.arxivId);
        if (typeof entry === 'string') throw new LibraryError(arxiv.online ? 'io' : 'unsupported', entry);
        // The feed's categories become tags only when asked for (as in an import's preview): none here.
        return { changed: [...(await library.imports.mergeInto(r.paperId, { ...entry, tags: [] }))] };
      },
    ),
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
