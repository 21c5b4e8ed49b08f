import type { Creator } from '@retorquere/bibtex-parser';

/** A braced accent or letter command, as Better BibTeX writes them in names: `{\'e}`, `{\c c}`, `{\L}`. */
export const TEX_LETTER = /\{\\(?:[^A-Za-z{}\s\\]|[A-Za-z]+)(?: ?[A-Za-z])?\}/g;

/**
 * A name of plain ASCII words (`Smith, John`, `John Smith`, `van der Berg, Anna`) read as
 * @retorquere/bibtex-parser reads it (its `parseCreator`), without its LaTeX grammar; null for anything
 * else (other TeX, braces, non-ASCII, `--`, `''`, `=`, two commas or more), which the parser reads.
 * Braced letters (`Jos{\'e}`) are allowed when `letters` knows what the parser makes of them (a group
 * prints alone, whatever is around it). The fast path's test compares the two on every BibTeX fixture
 * and on made-up names.
 */
export function simpleCreator(written: string, letters?: ReadonlyMap<string, string | null>): Creator | null {
  const skeleton = written.replace(TEX_LETTER, 'A');
  if (!/^[A-Za-z0-9.' \t\n,-]+$/.test(skeleton) || /--|''/.test(skeleton)) return null;
  let unknown = false;
  const name = written.replace(TEX_LETTER, (group) => {
    const text = letters?.get(group);
    if (text === undefined || text === null) unknown = true;
    return text ?? group;
  });
  if (unknown) return null;
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
