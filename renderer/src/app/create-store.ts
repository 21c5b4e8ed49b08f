import { createStore } from 'zustand/vanilla';
import type { MarginApi } from '../api/client.js';
import { createAnnotationSlice } from '../features/annotations/annotation-slice.js';
import { createBackupsSlice } from '../features/backups/backups-slice.js';
import { createPdfSlice } from '../features/pdf/pdf-slice.js';
import { createCitationsSlice } from '../features/citations/citations-slice.js';
import { createDuplicatesSlice } from '../features/duplicates/duplicates-slice.js';
import { createExportSlice } from '../features/export/export-slice.js';
import { createImportSlice } from '../features/import/import-slice.js';
import { createUndoSlice } from './undo-slice.js';
import { createLibrarySlice } from './library-slice.js';
import { createListSlice } from '../features/list/list-slice.js';
import { createReaderSlice } from '../features/reader/reader-slice.js';
import { createSearchesSlice } from '../features/search/searches-slice.js';
import type { MarginState } from '../store/store-types.js';
import { createUiSlice } from './ui-slice.js';
import { createBulkSlice } from '../features/bulk/bulk-slice.js';
import { createTagAdminSlice } from '../features/tags/tag-admin-slice.js';
import { createTriageSlice } from '../features/triage/triage-slice.js';
import { createSettingsSlice } from '../features/settings/settings-slice.js';
import { createSyncSlice } from '../features/sync/sync-slice.js';
import type { MarginStore } from '../store/use-margin.js';

/** The one store, built from typed slices around an API (tests pass a fake one). */
export function createMarginStore(api: MarginApi): MarginStore {
  return createStore<MarginState>()((...args) => ({
    ...createLibrarySlice(api)(...args),
    ...createListSlice(api)(...args),
    ...createReaderSlice(api)(...args),
    ...createUiSlice(api)(...args),
    ...createSearchesSlice(api)(...args),
    ...createImportSlice(api)(...args),
    ...createAnnotationSlice(api)(...args),
    ...createUndoSlice(api)(...args),
    ...createExportSlice(api)(...args),
    ...createDuplicatesSlice(api)(...args),
    ...createBackupsSlice(api)(...args),
    ...createPdfSlice(api)(...args),
    ...createBulkSlice(api)(...args),
    ...createTagAdminSlice(api)(...args),
    ...createCitationsSlice(api)(...args),
    ...createTriageSlice(api)(...args),
    ...createSettingsSlice(api)(...args),
    ...createSyncSlice(api)(...args),
  }));
}
