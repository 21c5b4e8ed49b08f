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
] as const;

export type Channel = (typeof CHANNELS)[number];

/** Main → renderer: the library changed (an edit, an import, another window). */
export const LIBRARY_CHANGED_EVENT = 'library:changed';

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}
