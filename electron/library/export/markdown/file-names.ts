/** File names that work on Windows, macOS and Linux, and in Obsidian links. */

const MAX_NAME_CHARS = 100;
/** Device names Windows reserves, with any extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * A readable file name from a title: characters no file system or Obsidian link accepts become spaces,
 * no leading or trailing dots or spaces, no reserved device name, at most 100 characters. Never a path.
 */
export function fileStem(title: string, fallback: string): string {
  let stem = title
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*#^[\]%]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (stem.length > MAX_NAME_CHARS) stem = cutAtWord([...stem].slice(0, MAX_NAME_CHARS).join(''));
  // Windows reserves the device name before the first dot whatever follows (`con.txt` too).
  if (RESERVED.test(stem)) stem = stem.replace(/^([^.]*)/, '$1 (paper)');
  return stem === '' ? fallback : stem;
}

function cutAtWord(text: string): string {
  const space = text.lastIndexOf(' ');
  return (space > MAX_NAME_CHARS * 0.6 ? text.slice(0, space) : text).replace(/[\s.]+$/g, '');
}

/**
 * A `.md` name not yet taken (compared case-insensitively, as macOS and Windows do):
 * `Title.md`, then `Title (2).md`, …
 */
export function uniqueFileName(stem: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${stem}.md` : `${stem} (${n}).md`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
