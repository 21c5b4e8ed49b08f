import { createHash } from 'node:crypto';

/** SHA-256 of text as hex, cut to `length` characters: enough to tell versions apart, short enough to store. */
export function contentHash(text: string, length = 24): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, length);
}
