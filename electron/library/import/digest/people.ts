/** Author lists as digests print them: `A, B and C`, `A, B, and C`, `A (MIT), B (1, 2)`, `A; B`, `A, B…`. */

/** Drop parenthesized groups (affiliations, footnote numbers), nesting included, in one pass. */
function withoutParentheses(text: string): string {
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

/** A name of one to `maxWords` capitalised words (`A. G. Adame`, `Jean-Luc O'Neil`), tested word by word so no regex backtracks. */
export function isCapitalisedName(name: string, minWords = 1, maxWords = 4): boolean {
  if (name.length > 80) return false;
  const words = name.split(' ');
  return (
    words.length >= minWords &&
    words.length <= maxWords &&
    words.every((w) => /^\p{Lu}[\p{L}'’-]*\.?$/u.test(w) || /^(\p{Lu}\.){2,3}$/u.test(w))
  );
}

/** Split an author line into names, in order, without `and`, affiliations or a trailing ellipsis. */
export function splitAuthors(line: string): string[] {
  // Whitespace collapsed first, so no pattern below meets a long run of spaces.
  const cleaned = withoutParentheses(line)
    .replace(/\s+/g, ' ')
    .replace(/\s*(…|\.\.\.)\s*$/u, '')
    .replace(/\bet al\.?\s*$/i, '');
  // `DESI Collaboration: A. G. Adame, …`: the group, then its members.
  return cleaned
    .split(/\s*[,;:]\s+(?:and\s+|&\s*)?|\s*[,;]\s*|\s+and\s+|\s+&\s+/i)
    .map((name) =>
      name
        .replace(/\s+/g, ' ')
        .replace(/^(and|the)\s+/i, '')
        .trim(),
    )
    .filter((name) => name !== '' && name !== '…' && !/^et al\.?$/i.test(name));
}
