/** Text clean-up shared by the parsers. */

/** Strip a BOM, unify line endings and Unicode form, drop NULs and other control bytes. */
export function normalizeInputText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}
