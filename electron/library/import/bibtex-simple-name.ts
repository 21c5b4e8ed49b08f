import type { Creator } from '@retorquere/bibtex-parser';

/**
 * A name of plain ASCII words (`Smith, John`, `John Smith`, `van der Berg, Anna`) read as
 * @retorquere/bibtex-parser reads it (its `parseCreator`, no TeX involved), without its LaTeX grammar;
 * null for anything else (TeX, braces, non-ASCII, `--`, `''`, `=`, two commas or more), which the parser
 * reads. The fast path's test compares the two on every BibTeX fixture and on made-up names.
 */
export function simpleCreator(name: string): Creator | null {
  if (!/^[A-Za-z0-9.' \t\n,-]+$/.test(name) || /--|''/.test(name)) return null;
  const commas = (name.match(/,/g) ?? []).length;
  if (commas > 1) return null;
  const words = (text: string) => text.split(/[ \t\n]+/).filter((w) => w !== '');
  if (commas === 1) {
    const [family = '', given = ''] = name.split(',').map((p) => words(p).join(' '));
    // As the parser does: a lower-case start of the family part is its prefix (`van der Berg`).
    const prefixed = /^([a-z'. ]+) (.+)/.exec(family);
    return trimmed({ lastName: prefixed?.[2] ?? family, firstName: given, prefix: prefixed?.[1] });
  }
  const parts = words(name);
  if (parts.length === 1) return trimmed({ lastName: parts[0] });
  const prefix = parts.findIndex((n) => /^[a-z]/.test(n));
  const postfix = prefix <= 0 ? -1 : parts.findIndex((n, i) => i > prefix && !/^[a-z]/.test(n));
  if (postfix === -1) return trimmed({ lastName: parts.at(-1), firstName: parts.slice(0, -1).join(' ') });
  return trimmed({
    firstName: parts.slice(0, prefix).join(' '),
    prefix: parts.slice(prefix, postfix).join(' '),
    lastName: parts.slice(postfix).join(' '),
  });
}

/** The parser's `trimCreator`: each part trimmed, empty parts left out. */
function trimmed(parts: { readonly [K in 'lastName' | 'firstName' | 'prefix']?: string | undefined }): Creator {
  const out: Creator = {};
  for (const key of ['lastName', 'firstName', 'prefix'] as const) {
    const value = parts[key]?.trim();
    if (value) out[key] = value;
  }
  return out;
}
