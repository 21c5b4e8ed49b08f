import { z } from 'zod';

export const THEMES = ['system', 'light', 'dark'] as const;
export const ThemeSchema = z.enum(THEMES);
export type Theme = z.output<typeof ThemeSchema>;

/** An absolute folder path, as the native dialog gives it (POSIX or Windows), never one the page made up. */
const FolderSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0') && (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\')), {
    message: 'must be an absolute folder path',
  });

/** Minutes between syncs: one minute to a day. */
export const SyncEverySchema = z.number().int().min(1).max(1440);

/**
 * The desktop app's settings (`settings.json` in its user-data folder), kept by main. Keys a newer Margin wrote are
 * kept as they are (a loose object), so going back a version and changing the theme loses nothing.
 */
export const SettingsSchema = z.looseObject({
  version: z.literal(1),
  theme: ThemeSchema,
  /** Where the Export dialog starts; null: Documents/Margin. */
  exportFolder: FolderSchema.nullable(),
  /** The library Margin opens at its next start; null: `library/` in the user-data folder. */
  libraryFolder: FolderSchema.nullable(),
  /** Sync with the library's git remote this often while the app is open; null: only when asked. */
  syncEveryMinutes: SyncEverySchema.nullable().default(null),
  /** A folder this machine shares PDFs through (a Dropbox or NAS folder), as `<sha256>.pdf`; null: none. */
  sharedPdfFolder: FolderSchema.nullable().default(null),
});
export type Settings = z.output<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  theme: 'system',
  exportFolder: null,
  libraryFolder: null,
  syncEveryMinutes: null,
  sharedPdfFolder: null,
};

/** What the Settings dialog shows: the settings, the library open now, and what happened to a damaged file. */
export const SettingsViewSchema = z.object({
  theme: ThemeSchema,
  exportFolder: z.string().nullable(),
  libraryFolder: z.string().nullable(),
  syncEveryMinutes: z.number().int().nullable(),
  /** Where PDFs are shared with other machines (PDFs do not sync through git); null: none set. */
  sharedPdfFolder: z.string().nullable(),
  /** The library this run opened (a changed `libraryFolder` takes effect at the next start). */
  libraryInUse: z.string(),
  /** Whether this host keeps settings (the desktop app); `margin serve` has none to change. */
  editable: z.boolean(),
  notice: z.string().nullable(),
});
export type SettingsView = z.output<typeof SettingsViewSchema>;
