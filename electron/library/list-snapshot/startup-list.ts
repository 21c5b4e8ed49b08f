import type { View } from '../../../shared/ipc/contract.js';
import type { ListRow, Sort } from '../../../shared/models/views.js';
import type { LibraryCounts } from '../search/library-counts.js';
import type { ListSnapshot } from './list-snapshot-file.js';

/**
 * Answers for the first screen from the list snapshot, while the records are being read: the sidebar's
 * counts and pages of the list the app opens with. It stops answering at the first change in this session
 * or once the records are read (then everything is answered from them, as without a snapshot).
 */
export class StartupList {
  constructor(private snapshot: ListSnapshot | null) {}

  /** Whether it still answers. */
  get answering(): boolean {
    return this.snapshot !== null;
  }

  counts(): LibraryCounts | null {
    return this.snapshot?.counts ?? null;
  }

  /** A page of the list without a search, when the snapshot holds that list; else null. */
  page(request: {
    view: View;
    search: string;
    sort: Sort;
    offset: number;
    limit: number;
  }): { total: number; rows: ListRow[] } | null {
    if (!this.snapshot || request.search.trim() !== '') return null;
    try {
      return this.snapshot.page(request.view, request.sort, request.offset, request.limit);
    } catch {
      // A row that does not read (a damaged file whose checksum still matched is not expected): the records answer.
      this.stop();
      return null;
    }
  }

  stop(): void {
    this.snapshot = null;
  }
}
