import { texSegments } from '../../../../shared/text/tex-segments.js';

/** A fenced code block's opening or closing line. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * A note's `\(…\)` and `\[…\]` written as the `$…$` and `$$…$$` that remark-math reads (Markdown would
 * otherwise take `\(` for an escaped parenthesis). Code blocks and code spans are left as written.
 */
export function withDollarMath(markdown: string): string {
  if (!markdown.includes('\\(') && !markdown.includes('\\[')) return markdown;
  const out: string[] = [];
  let prose: string[] = [];
  let fence: string | null = null;
  const flush = () => {
    if (prose.length > 0) out.push(rewriteProse(prose.join('\n')));
    prose = [];
  };
  for (const line of markdown.split('\n')) {
    const mark = FENCE.exec(line)?.[1];
    if (fence === null && mark) {
      flush();
      fence = mark;
      out.push(line);
    } else if (fence !== null) {
      if (mark?.startsWith(fence)) fence = null;
      out.push(line);
    } else prose.push(line);
  }
  flush();
  return out.join('\n');
}

/** Outside code spans, each `\(…\)` becomes `$…$` and each `\[…\]` a display block. */
function rewriteProse(text: string): string {
  // Code spans (`` `…` ``) alternate with prose once split on their backtick runs.
  return text
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : rewriteMath(part)))
    .join('');
}

function rewriteMath(text: string): string {
  return texSegments(text)
    .map((segment) => {
      if (segment.kind === 'text' || segment.source.startsWith('$')) return segment.source;
      return segment.display ? `\n$$\n${segment.tex.trim()}\n$$\n` : `$${segment.tex.trim()}$`;
    })
    .join('');
}
