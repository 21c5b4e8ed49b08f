// Composition root of the desktop app: one of the few files that imports electron.
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session, shell } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_OPEN_EVENT, LIBRARY_CHANGED_EVENT, MENU_COMMAND_EVENT } from '../../shared/ipc/channels.js';
import { libraryChange } from '../../shared/ipc/library-change.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.js';
import { createHandlers } from '../library/api/handlers.js';
import { chosenFolders, folderFile } from '../library/api/export-folders.js';
import { openSession, type Session } from '../library/api/session.js';
import { ARXIV_API } from '../library/arxiv/arxiv-completion.js';
import { libraryIn } from '../library/library-location.js';
import { registerIpc, trustedSender } from './ipc.js';
import { LibraryError } from '../library/storage/errors.js';
import { denyAllPermissions, hardenContents, windowOptions } from './security.js';
import { loadBounds, saveBounds, type DisplayArea } from './window-state.js';
import { readAttachmentBytes } from '../library/api/attachment-bytes.js';
import { APP_INDEX_URL } from './app-protocol.js';
import { registerAppScheme, serveAppScheme } from './app-scheme.js';
import { unpackedPath } from './asar-paths.js';
import { appOpenFor } from './open-delivery.js';
import { menuTemplate } from './menu-template.js';
import { pickFolder, pickPdf } from './native-pickers.js';
import { observedSettings, settingsFile } from '../library/settings/settings-file.js';
import { takeSingleInstance, type Handoff } from './single-instance.js';
import { MARGIN_SCHEME } from '../../shared/links/margin-link.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// The UI comes from app://margin/ (app-protocol.ts), never file://; the scheme is registered before ready.
const appUrl = APP_INDEX_URL;
registerAppScheme(protocol);

async function start(handoff: Handoff): Promise<void> {
  await app.whenReady();
  // Windows keeps URL handlers in the registry: claim margin:// for the installed app (macOS and Linux declare it).
  if (app.isPackaged && process.platform === 'win32') app.setAsDefaultProtocolClient(MARGIN_SCHEME);
  serveAppScheme(protocol, path.join(here, '../renderer'));
  denyAllPermissions(session.defaultSession, appUrl);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  const userData = app.getPath('userData');
  // Settings first: the theme before the window shows, the library folder chosen in Settings (read by libraryIn).
  const settings = observedSettings(settingsFile(path.join(userData, 'settings.json')), (next) => {
    nativeTheme.themeSource = next.theme;
  });
  nativeTheme.themeSource = (await settings.get()).theme;
  const libraryDir = libraryIn(userData, process.env);
  let current: Session;
  const arxivApi = process.env.MARGIN_OFFLINE ? {} : { arxivApi: ARXIV_API, pdfBaseUrl: 'https://arxiv.org' };
  const open = (takeOverLock: boolean) =>
    openSession({
      dir: libraryDir,
      holder: 'the Margin app',
      searchWorker: unpackedPath(path.join(here, '../workers/search-worker.js')),
      parseWorker: unpackedPath(path.join(here, '../workers/parse-worker.js')),
      pdfTextWorker: unpackedPath(path.join(here, '../workers/pdf-text-worker.js')),
      ...arxivApi,
      takeOverLock,
    });
  try {
    current = await open(false);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A lock from another machine (a library in a synced folder): ask, naming the holder, before taking it over.
    if (!(error instanceof LibraryError && error.code === 'locked' && /take the library over/.test(message))) {
      dialog.showErrorBox('Margin cannot open your library', message);
      return app.quit();
    }
    const { response } = await dialog.showMessageBox({
      type: 'warning',
      title: 'Library open elsewhere',
      message: 'Your library is open for writing on another computer.',
      detail: message,
      buttons: ['Take it over', 'Quit'],
      defaultId: 1,
      cancelId: 1,
    });
    if (response !== 0) return app.quit();
    try {
      current = await open(true);
    } catch (again) {
      dialog.showErrorBox('Margin cannot open your library', again instanceof Error ? again.message : String(again));
      return app.quit();
    }
  }
  // Exports go only into folders the user picked in the native dialog: the renderer never names a path on its own.
  const remembered = folderFile(path.join(userData, 'export-folders.json'));
  const settingsFolder = (await settings.get()).exportFolder;
  const exportFolders = await chosenFolders(() => pickFolder('Export to folder'), {
    // The export folder in Settings was chosen in this dialog too; it stays allowed however many others came since.
    load: async () => [...(await remembered.load()), ...(settingsFolder ? [settingsFolder] : [])],
    save: (folders) => remembered.save(folders),
  });
  // PDFs and the library folder come from the native dialog too: the path stays in main.
  const pickLibraryFolder = () => pickFolder('Library folder (used from the next start)');
  const pickSharedPdfFolder = () => pickFolder('Shared PDF folder (a Dropbox or NAS folder every machine can reach)');
  const library = current.library;
  const handlers = createHandlers(current, {
    exportFolders,
    pickPdf,
    settings,
    pickLibraryFolder,
    pickSharedPdfFolder,
    licensesFile: path.join(here, '../licenses.json'),
  });
  // The registrar's event type is a subset of Electron's; ipcMain satisfies it structurally.
  registerIpc(ipcMain, handlers, trustedSender(appUrl), (request) => readAttachmentBytes(library, request));

  const window = new BrowserWindow(
    windowOptions(await loadBounds(userData, displayAreas()), path.join(here, '../preload/preload.cjs')),
  );
  hardenContents(window.webContents, (url) => shell.openExternal(url), appUrl);
  current.library.onChange((ids, change) =>
    window.webContents.send(LIBRARY_CHANGED_EVENT, libraryChange(ids, change.content)),
  );
  // The menu's commands go to the page as ids of the shared list (the page checks them), one event for all.
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        platform: process.platform,
        appName: app.name,
        send: (id) => window.webContents.send(MENU_COMMAND_EVENT, id),
      }),
    ),
  );
  window.once('ready-to-show', () => window.show());
  window.on('close', () => void saveBounds(userData, window.getBounds(), displayAreas()));
  app.on('window-all-closed', () => {
    void current.close().finally(() => app.quit());
  });
  await window.loadURL(appUrl);
  // The page's preload holds what arrives before React listens; files are read here, never by the renderer.
  const files = { size: async (file: string) => (await stat(file)).size, read: (file: string) => readFile(file) };
  handoff.ready(window, (request) => {
    void appOpenFor(request, files).then((event) => window.webContents.send(APP_OPEN_EVENT, event));
  });
}

// One Margin at a time: a second launch hands its files and links to this one and quits (single-instance.ts).
const handoff = takeSingleInstance(app, process.argv, process.cwd());
if (handoff === null) app.quit();
else void start(handoff);

/** The usable area of every display now attached: the window remembers its place per arrangement. */
function displayAreas(): DisplayArea[] {
  return screen.getAllDisplays().map((d) => d.workArea);
}
