import { withProseAsText } from '../../../shared/text/tex-text.js';

/** Longest paper title the window's title bar (and the OS's window switcher) is given. */
const MAX_TITLE_CHARS = 120;

/**
 * The window's title: the open paper's, then the app's (`Attention Is All You Need — Margin`), or just `Margin`.
 * Electron's window follows the page's title, so the desktop title bar, the taskbar and a browser tab under
 * `margin serve` all show it. Prose TeX is resolved, formulas kept as TeX, and whitespace and control characters
 * (a title is imported text) become single spaces.
 */
export function windowTitle(paperTitle: string | null | undefined): string {
  if (!paperTitle) return 'Margin';
  const flat = withProseAsText(paperTitle)
    .replace(/[\s\p{Cc}\p{Cf}]+/gu, ' ')
    .trim();
  if (flat === '') return 'Margin';
  const short = flat.length > MAX_TITLE_CHARS ? `${flat.slice(0, MAX_TITLE_CHARS - 1).trimEnd()}…` : flat;
  return `${short} — Margin`;
}
