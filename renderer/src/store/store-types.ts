import type { StateCreator } from 'zustand';
import type { MarginApi } from '../api/client.js';
import type { AnnotationSlice } from '../features/annotations/annotation-slice.js';
import type { BackupsSlice } from '../features/backups/backups-slice.js';
import type { PdfSlice } from '../features/pdf/pdf-slice.js';
import type { CitationsSlice } from '../features/citations/citations-slice.js';
import type { DuplicatesSlice } from '../features/duplicates/duplicates-slice.js';
import type { ExportSlice } from '../features/export/export-slice.js';
import type { ImportSlice } from '../features/import/import-slice.js';
import type { UndoSlice } from '../app/undo-slice.js';
import type { LibrarySlice } from '../app/library-slice.js';
import type { ListSlice } from '../features/list/list-slice.js';
import type { ReaderSlice } from '../features/reader/reader-slice.js';
import type { SearchesSlice } from '../features/search/searches-slice.js';
import type { UiSlice } from '../app/ui-slice.js';
import type { BulkSlice } from '../features/bulk/bulk-slice.js';
import type { TagAdminSlice } from '../features/tags/tag-admin-slice.js';
import type { TriageSlice } from '../features/triage/triage-slice.js';
import type { SettingsSlice } from '../features/settings/settings-slice.js';
import type { SyncSlice } from '../features/sync/sync-slice.js';

/** The whole store: one slice per concern. */
export type MarginState = LibrarySlice &
  ListSlice &
  ReaderSlice &
  UiSlice &
  SearchesSlice &
  ImportSlice &
  AnnotationSlice &
  UndoSlice &
  ExportSlice &
  DuplicatesSlice &
  BackupsSlice &
  PdfSlice &
  BulkSlice &
  TagAdminSlice &
  CitationsSlice &
  TriageSlice &
  SettingsSlice &
  SyncSlice;

/** A slice creator that also gets the API (tests pass a fake). */
export type SliceCreator<T> = (api: MarginApi) => StateCreator<MarginState, [], [], T>;

/** Words for an error, to show where it happened. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
