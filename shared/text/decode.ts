/**
 * Bytes of an imported file to text, in the encoding the file is in: a byte-order mark, then an
 * encoding the file declares (JabRef's `% Encoding: windows-1252`, Emacs's `-*- coding: latin-1 -*-`,
 * XML's `encoding="…"`), then UTF-16 recognised by its zero bytes, then UTF-8 if the bytes are valid
 * UTF-8, else Windows-1252 (which reads every byte, and is what Latin-1 files almost always are).
 * Plain `TextDecoder`, so the renderer and Node use the same code.
 */

export interface DecodedText {
  readonly text: string;
  /** The WHATWG name of the encoding used (`utf-8`, `windows-1252`, `utf-16le`, …). */
  readonly encoding: string;
  /** How it was chosen, to tell the user when it was not plain UTF-8. */
  readonly reason:
    'byte-order mark' | 'declared in the file' | 'UTF-16 without a byte-order mark' | 'valid UTF-8' | 'not valid UTF-8';
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  const bom = byteOrderMark(bytes);
  if (bom)
    return {
      text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)),
      encoding: bom.encoding,
      reason: 'byte-order mark',
    };
  const utf16 = utf16WithoutMark(bytes);
  if (utf16)
    return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, reason: 'UTF-16 without a byte-order mark' };
  const declared = declaredEncoding(bytes);
  if (declared && declared !== 'utf-8')
    return { text: new TextDecoder(declared).decode(bytes), encoding: declared, reason: 'declared in the file' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', reason: 'valid UTF-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', reason: 'not valid UTF-8' };
  }
}

function byteOrderMark(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** Text in UTF-16 has a zero byte beside almost every ASCII character: on odd positions (LE) or even (BE). */
function utf16WithoutMark(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Latin-N is ISO 8859 part …: the names Emacs uses that WHATWG labels do not list. */
const LATIN_PARTS: Readonly<Record<number, number>> = {
  1: 1,
  2: 2,
  3: 3,
  4: 4,
  5: 9,
  6: 10,
  7: 13,
  8: 14,
  9: 15,
  10: 16,
};

/** The encoding named near the top of the file (its WHATWG name), if the platform knows it. */
function declaredEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 2048));
  const label =
    /%\s*Encoding:\s*([\w.:-]+)/i.exec(head)?.[1] ??
    /-\*-.*?coding:\s*([\w.:-]+)/i.exec(head)?.[1] ??
    /<\?xml[^>]*encoding=["']([\w.:-]+)["']/i.exec(head)?.[1];
  if (!label) return null;
  // Emacs adds a line-ending suffix (`latin-1-unix`) and spells names with a hyphen WHATWG labels lack (`latin-9`).
  const name = label.replace(/-(unix|dos|mac)$/i, '');
  const latin = /^latin-?(\d+)$/i.exec(name)?.[1];
  for (const candidate of [
    name,
    name.replace(/-/g, ''),
    ...(latin && LATIN_PARTS[Number(latin)] ? [`iso-8859-${LATIN_PARTS[Number(latin)]}`] : []),
  ]) {
    try {
      return new TextDecoder(candidate.toLowerCase()).encoding;
    } catch {
      // not a label this platform knows; try the next spelling
    }
  }
  return null;
}
