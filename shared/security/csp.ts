/**
 * The Content-Security-Policy for the UI, in Electron (meta tag and response header) and `margin serve`.
 * No inline or eval'd script, nothing from outside the app, no plugins, no framing, no form posts.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
];
export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** The same policy for the page's meta tag (the build writes it there), where `frame-ancestors` is ignored. */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');

/** External links the app will hand to the OS: web pages and mail only. */
export function isSafeExternalUrl(raw: unknown): boolean {
  if (typeof raw !== 'string' || raw.length > 4096) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') return /^[^\s@<>()]+@[^\s@<>()]+$/.test(decodeURIComponent(url.pathname));
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  // No credentials in links, and a real host name.
  return url.username === '' && url.password === '' && url.hostname !== '' && !/[\s<>"'`\\]/.test(raw);
}
