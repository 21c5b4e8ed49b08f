import { diffWordsWithSpace } from 'diff';
import type { DiffLine } from '../../../../shared/models/export-conflict.js';

type Row =
  | { readonly kind: 'same'; readonly text: string }
  | { readonly kind: 'gap'; readonly lines: number }
  | { readonly kind: 'mine' | 'margin'; readonly parts: readonly { text: string; changed: boolean }[] };

/**
 * Lines from the user's note to Margin's. A run of changed lines that replaces a run of the same length is
 * paired line by line, and the words that differ are marked, so a one-word edit is seen at a glance.
 */
export function ConflictDiff({ file, lines }: { file: string; lines: readonly DiffLine[] }) {
  return (
    <div role="region" aria-label={`Differences in ${file}`} className="conflict-diff">
      <p className="conflict-legend">
        <span className="diff-key mine">− yours</span>
        <span className="diff-key margin">+ Margin's</span>
      </p>
      <div className="diff-lines">
        {rows(lines).map((row, i) =>
          row.kind === 'gap' ? (
            <div key={i} className="diff-line gap">
              ⋯ {row.lines} unchanged line{row.lines === 1 ? '' : 's'}
            </div>
          ) : row.kind === 'same' ? (
            <div key={i} className="diff-line same">
              {row.text || ' '}
            </div>
          ) : row.kind === 'mine' ? (
            <del key={i} className="diff-line mine" aria-label={`yours: ${text(row.parts)}`}>
              {row.parts.map((p, j) => (p.changed ? <strong key={j}>{p.text}</strong> : p.text))}
            </del>
          ) : (
            <ins key={i} className="diff-line margin" aria-label={`Margin's: ${text(row.parts)}`}>
              {row.parts.map((p, j) => (p.changed ? <strong key={j}>{p.text}</strong> : p.text))}
            </ins>
          ),
        )}
      </div>
    </div>
  );
}

const text = (parts: readonly { text: string }[]) => parts.map((p) => p.text).join('') || '(empty line)';

function rows(lines: readonly DiffLine[]): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < lines.length;) {
    const line = lines[i];
    if (!line) break;
    if (line.kind === 'gap' || line.kind === 'same') {
      out.push(line.kind === 'gap' ? { kind: 'gap', lines: line.lines } : { kind: 'same', text: line.text });
      i++;
      continue;
    }
    const mine = takeRun(lines, i, 'mine');
    const margin = takeRun(lines, i + mine.length, 'margin');
    i += mine.length + margin.length;
    if (mine.length === margin.length) {
      const pairs = mine.map((m, j) => diffWordsWithSpace(m, margin[j] ?? ''));
      for (const parts of pairs)
        out.push({
          kind: 'mine',
          parts: parts.filter((p) => !p.added).map((p) => ({ text: p.value, changed: p.removed })),
        });
      for (const parts of pairs)
        out.push({
          kind: 'margin',
          parts: parts.filter((p) => !p.removed).map((p) => ({ text: p.value, changed: p.added })),
        });
    } else {
      for (const t of mine) out.push({ kind: 'mine', parts: [{ text: t, changed: false }] });
      for (const t of margin) out.push({ kind: 'margin', parts: [{ text: t, changed: false }] });
    }
  }
  return out;
}

function takeRun(lines: readonly DiffLine[], from: number, kind: 'mine' | 'margin'): string[] {
  const run: string[] = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (line?.kind !== kind) break;
    run.push(line.text);
  }
  return run;
}
