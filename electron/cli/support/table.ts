/** Align rows into columns for people; the last column is cut to fit a terminal line. */
export function formatTable(rows: ReadonlyArray<readonly string[]>, maxWidth = 120): string {
  if (rows.length === 0) return '';
  const columns = Math.max(...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((row) => {
      const cells = row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c] ?? 0)));
      return truncate(cells.join('  '), maxWidth);
    })
    .join('\n');
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** `Ada Lovelace, Alan Turing et al.` */
export function shortAuthors(authors: readonly string[]): string {
  if (authors.length === 0) return '';
  return authors.length > 2 ? `${authors.slice(0, 2).join(', ')} et al.` : authors.join(', ');
}
