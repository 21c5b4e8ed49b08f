import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MarginApi } from '../api/client.js';
import { saveCurrentSearch, type FocusTargets } from '../features/commands/commands.js';
import { isTyping, useGlobalKeys } from '../features/commands/use-global-keys.js';
import { useImportGestures } from '../features/import/use-import-gestures.js';
import { useMargin, useMarginStore } from '../store/use-margin.js';
import { ErrorBoundary } from '../ui/ErrorBoundary.js';
import { BackupsDialog } from '../features/backups/BackupsDialog.js';
import { StorageDialog } from '../features/pdf/StorageDialog.js';
import { DuplicatesDialog } from '../features/duplicates/DuplicatesDialog.js';
import { CommandPalette } from '../features/commands/CommandPalette.js';
import { ExportDialog } from '../features/export/ExportDialog.js';
import { ImportDialog } from '../features/import/ImportDialog.js';
import { PaperList } from '../features/list/PaperList.js';
import { Reader } from '../features/reader/Reader.js';
import { BulkPanel } from '../features/bulk/BulkPanel.js';
import { TagsDialog } from '../features/tags/TagsDialog.js';
import { TriageView } from '../features/triage/TriageView.js';
import { WatchListDialog } from '../features/triage/WatchListDialog.js';
import { TriageHistoryDialog } from '../features/triage/TriageHistoryDialog.js';
import { Splitter } from '../ui/Splitter.js';
import { Icon } from '../ui/Icon.js';
import { LIST_WIDTH, SIDEBAR_WIDTH, type LayoutPrefs } from './layout-prefs.js';
import { SearchBox } from '../features/search/SearchBox.js';
import { ShortcutsDialog } from '../features/commands/ShortcutsDialog.js';
import { Sidebar } from '../features/sidebar/Sidebar.js';
import { handleAppOpen } from '../features/desktop/app-open.js';
import { runMenuCommand } from '../features/commands/menu-commands.js';
import { windowTitle } from './window-title.js';
import { SettingsDialog } from '../features/settings/SettingsDialog.js';
import { SyncControl } from '../features/sync/SyncControl.js';
import { AboutDialog } from '../features/settings/AboutDialog.js';

/** The window: toolbar, sidebar, list and reader, and the dialogs over them. */
export function App({ api }: { api: MarginApi }) {
  const store = useMarginStore();
  const { dialog, toast, toastUndo, overview, overviewError, search, paperId, selectedCount, layout, triaging } =
    useMargin(
      useShallow((s) => ({
        triaging: s.triage !== null,
        layout: s.layout,
        selectedCount: s.multi.length,
        dialog: s.dialog,
        toast: s.toast,
        toastUndo: s.toastUndo,
        overview: s.overview,
        overviewError: s.overviewError,
        search: s.search,
        paperId: s.paper?.id ?? null,
      })),
    );
  const closeDialog = () => store.getState().closeDialog();
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const tagRef = useRef<HTMLInputElement>(null);

  const focus = useMemo<FocusTargets>(
    () => ({
      focusSearch: () => searchRef.current?.focus(),
      focusList: () => listRef.current?.focus(),
      focusTagInput: () => tagRef.current?.focus(),
      focusReader: () => document.getElementById('reader-article')?.focus(),
    }),
    [],
  );
  useGlobalKeys(store, focus);
  const { dragging } = useImportGestures(store);

  useEffect(() => {
    const state = store.getState();
    void state.refreshOverview();
    void state.setView(state.view);
    void state.loadSavedSearches();
    // Every change (an edit here, another window, the CLI through serve, an import) refreshes what is shown.
    return api.onLibraryChanged((change) => void store.getState().applyLibraryChange(change));
  }, [api, store]);

  // The desktop app: files and margin:// links the OS hands over (a double-click, a second launch, a link).
  useEffect(() => api.onAppOpen((request) => void handleAppOpen(store.getState(), request)), [api, store]);
  // The window's title names the open paper (Electron's title bar follows the page's).
  const paperTitle = useMargin((s) => s.paper?.title ?? null);
  useEffect(() => {
    document.title = windowTitle(paperTitle);
  }, [paperTitle]);

  // The native menu: each item is a command of the shared list, run as its key would be.
  useEffect(
    () =>
      api.onMenuCommand((id) =>
        runMenuCommand(id, store.getState(), focus, {
          typing: isTyping(document.activeElement),
          // The browser's own editing of the focused field; deprecated, and still the one API that does it.
          editText: (action) => void document.execCommand(action),
        }),
      ),
    [api, store, focus],
  );

  // Never lose a keystroke of a note: save what is pending when the window goes away.
  useEffect(() => {
    const flush = () => void store.getState().flushNotes();
    window.addEventListener('beforeunload', flush);
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('beforeunload', flush);
      window.removeEventListener('pagehide', flush);
    };
  }, [store]);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => store.getState().showToast(null), 5000);
    return () => clearTimeout(timer);
  }, [toast, store]);

  // Pane widths are CSS variables on the window, set through the CSSOM (the CSP allows no inline style attributes).
  const appRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    appRef.current?.style.setProperty('--sidebar-w', `${layout.sidebarWidth}px`);
    appRef.current?.style.setProperty('--list-w', `${layout.listWidth}px`);
  }, [layout.sidebarWidth, layout.listWidth]);
  const setLayout = (patch: Partial<LayoutPrefs>) => store.getState().setLayout(patch);

  return (
    <div ref={appRef} className={`app density-${layout.density}${layout.sidebarHidden ? ' sidebar-hidden' : ''}`}>
      <header className="toolbar">
        <button
          type="button"
          className="btn ghost icon-only"
          aria-label={layout.sidebarHidden ? 'Show the sidebar' : 'Hide the sidebar'}
          aria-expanded={!layout.sidebarHidden}
          onClick={() => setLayout({ sidebarHidden: !layout.sidebarHidden })}
        >
          <Icon name="sidebar" />
        </button>
        <div className="brand">
          <img src="./icon.svg" alt="" />
          Margin
        </div>
        <SearchBox ref={searchRef} />
        <button
          type="button"
          className="btn"
          disabled={search.trim() === ''}
          onClick={() => void saveCurrentSearch(store.getState())}
        >
          Save search
        </button>
        <span className="spacer" />
        <SyncControl />
        <button type="button" className="btn primary" onClick={() => store.getState().openImport(null)}>
          Import
        </button>
        <button type="button" className="btn" onClick={() => store.getState().openExport()}>
          Export
        </button>
        <button
          type="button"
          className="btn ghost"
          aria-label="Keyboard shortcuts"
          onClick={() => store.getState().openDialog('shortcuts')}
        >
          <kbd>?</kbd>
        </button>
      </header>
      {!layout.sidebarHidden && <Sidebar />}
      {!layout.sidebarHidden && (
        <Splitter
          label="Resize the sidebar"
          width={layout.sidebarWidth}
          min={SIDEBAR_WIDTH.min}
          max={SIDEBAR_WIDTH.max}
          onResize={(sidebarWidth) => setLayout({ sidebarWidth })}
        />
      )}
      {triaging ? (
        <ErrorBoundary area="The triage" className="triage">
          <TriageView />
        </ErrorBoundary>
      ) : (
        <>
          <div className="list-column">
            <Splitter
              label="Resize the list"
              width={layout.listWidth}
              min={LIST_WIDTH.min}
              max={LIST_WIDTH.max}
              onResize={(listWidth) => setLayout({ listWidth })}
            />
            {overviewError && (
              <p className="error notice" role="alert">
                The library could not be read: {overviewError}
              </p>
            )}
            {overview?.notices.map((n, i) => (
              <p key={i} className="error notice" role="alert">
                {n.message}
              </p>
            ))}
            <ErrorBoundary area="The paper list" className="list-pane">
              <PaperList ref={listRef} />
            </ErrorBoundary>
          </div>
          {/* One paper that trips the reader must not blank the window: opening another paper tries again. */}
          <ErrorBoundary area="This paper" className="reader" resetKey={paperId}>
            {selectedCount > 1 ? <BulkPanel /> : <Reader ref={tagRef} />}
          </ErrorBoundary>
        </>
      )}
      {dialog !== null && (
        <ErrorBoundary area="This dialog" className="dialog-error" onClose={closeDialog} resetKey={dialog}>
          {dialog === 'import' && <ImportDialog />}
          {dialog === 'shortcuts' && <ShortcutsDialog />}
          {dialog === 'palette' && <CommandPalette focus={focus} />}
          {dialog === 'export' && <ExportDialog />}
          {dialog === 'backups' && <BackupsDialog />}
          {dialog === 'duplicates' && <DuplicatesDialog />}
          {dialog === 'storage' && <StorageDialog />}
          {dialog === 'tags' && <TagsDialog />}
          {dialog === 'watch' && <WatchListDialog />}
          {dialog === 'triage-history' && <TriageHistoryDialog />}
          {dialog === 'settings' && <SettingsDialog />}
          {dialog === 'about' && <AboutDialog />}
        </ErrorBoundary>
      )}
      {toast && (
        <div className="toast" role="status">
          {toast}
          {toastUndo && (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                store.getState().showToast(null);
                void store.getState().undo();
              }}
            >
              Undo
            </button>
          )}
          <button type="button" aria-label="Dismiss" onClick={() => store.getState().showToast(null)}>
            ×
          </button>
        </div>
      )}
      {dragging && <div className="drop-hint">Drop to import</div>}
    </div>
  );
}
