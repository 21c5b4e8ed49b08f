/**
 * The Content-Security-Policy for the UI, in Electron (meta tag and response header) and `margin serve`.
 * No inline or eval'd script, nothing from outside the app, no plugins, no framing, no form posts.
 */
export const CONTENT_SECURITY_POLICY = [
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
].join('; ');

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
