import path from 'node:path';
import { parseMarginLink } from '../../shared/links/margin-link.js';
import type { PaperId } from '../../shared/models/paper.js';

/** What the OS asked the app to open: a paper by its link, a reference file to import, or a PDF to attach. */
export type OpenRequest =
  | { readonly kind: 'paper'; readonly id: PaperId }
  | { readonly kind: 'import'; readonly path: string }
  | { readonly kind: 'attach'; readonly path: string };

/** At most this many files or links from one launch: a shell glob gone wrong opens no thousand previews. */
export const MAX_OPEN_REQUESTS = 20;

/**
 * One thing a launch names: a `margin://` link, or a `.bib`, `.ris` or `.pdf` file (resolved against the
 * launching shell's folder). Everything else is ignored: Chromium's and Electron's own switches, the app's path
 * in development, other files, and links that do not parse (a hostile link opens nothing).
 */
export function openRequestFromArg(arg: string, cwd: string): OpenRequest | null {
  if (arg.startsWith('-') || arg.length > 4096 || arg.includes('\0')) return null;
  if (/^margin:/i.test(arg)) return parseMarginLink(arg);
  // Any other URL (file://, https://) is no path to open.
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) return null;
  return openRequestFromFile(path.resolve(cwd, arg));
}

/** A file the OS hands over (macOS `open-file` gives absolute paths), by its extension. */
export function openRequestFromFile(file: string): OpenRequest | null {
  if (!path.isAbsolute(file) || file.includes('\0')) return null;
  switch (path.extname(file).toLowerCase()) {
    case '.bib':
    case '.ris':
      return { kind: 'import', path: file };
    case '.pdf':
      return { kind: 'attach', path: file };
    default:
      return null;
  }
}

/** What a command line asks to open: `argv[0]` is the executable, the rest as `openRequestFromArg` reads them. */
export function openRequestsFromArgv(argv: readonly string[], cwd: string): OpenRequest[] {
  const requests: OpenRequest[] = [];
  for (const arg of argv.slice(1)) {
    const request = openRequestFromArg(arg, cwd);
    if (request) requests.push(request);
    if (requests.length === MAX_OPEN_REQUESTS) break;
  }
  return requests;
}
