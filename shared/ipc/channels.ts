/**
 * Every channel's name, and nothing else: the sandboxed preload imports this list to build its
 * allow-list without pulling in zod. `contract.ts` gives each one its schemas, and a test checks
 * that the two lists are the same.
 */
export const CHANNELS = [
  'library:overview',
  'papers:query',
  'papers:get',
  'papers:setStatus',
  'papers:addTags',
  'papers:removeTags',
  'import:preview',
  'import:run',
  'searches:list',
  'searches:save',
  'searches:delete',
  'annotations:create',
  'annotations:update',
  'annotations:delete',
  'annotations:restore',
  'notes:set',
  'export:markdown',
  'export:highlights',
  'export:paperMarkdown',
  'export:bibliography',
  'export:chooseFolder',
  'backups:list',
  'backups:restore',
  'papers:trash',
  'papers:untrash',
  'trash:empty',
  'duplicates:list',
  'duplicates:merge',
  'duplicates:distinct',
  'import:notSame',
  'attachments:add',
  'attachments:choose',
  'attachments:stored',
  'papers:setReading',
  'annotations:createPdf',
  'downloads:enqueue',
  'downloads:status',
  'attachments:addAsPaper',
  'history:undo',
  'history:redo',
  'papers:setStatusMany',
  'papers:editTags',
  'tags:rename',
  'tags:delete',
  'papers:ids',
  'triage:start',
  'triage:open',
  'triage:decide',
  'triage:finish',
  'triage:history',
  'triage:acceptVersion',
  'triage:watchList',
  'triage:setWatchList',
  'citations:format',
  'arxiv:findByTitle',
  'arxiv:applyMatch',
  'export:conflicts',
  'export:resolve',
  'settings:get',
  'settings:setTheme',
  'settings:chooseFolder',
  'papers:snippets',
  'app:about',
  'sync:status',
  'sync:run',
  'sync:setRemote',
  'settings:setSyncEvery',
  'import:progress',
  'import:cancel',
  'attachments:locate',
  'settings:forgetSharedPdfFolder',
] as const;

export type Channel = (typeof CHANNELS)[number];

/**
 * Renderer → main: the bytes of a paper's PDF. Bytes do not fit the JSON contract, so this one call has its own
 * channel (IPC) and route (`GET /api/attachment/<paperId>/<sha256>` under `margin serve`), with the same checks.
 */
export const ATTACHMENT_BYTES_CHANNEL = 'attachments:bytes';

/** Main → renderer: the library changed (an edit, an import, another window). */
export const LIBRARY_CHANGED_EVENT = 'library:changed';

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

/** Main → renderer: the OS asked the app to open something (a margin:// link, a .bib, .ris or .pdf file). */
export const APP_OPEN_EVENT = 'app:open';

/** Main → renderer: a command chosen in the native menu; the payload is its id (shared/commands/shortcuts.ts). */
export const MENU_COMMAND_EVENT = 'menu:command';
