import Markdown, { type Components } from 'react-markdown';
import remarkMath from 'remark-math';
import { hasMath } from '../../../../shared/text/tex-segments.js';
import { MathFormula } from '../../ui/math/MathFormula.js';
import { withDollarMath } from './note-math.js';

/** Links in a previewed note: web and mail only; anything else (javascript:, data:, file:) is dropped. */
function safeHref(url: string): string {
  return /^(https?:|mailto:)/i.test(url.trim()) ? url : '';
}

const REMARK_PLUGINS = [remarkMath];

const PREVIEW_COMPONENTS: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  img: ({ alt }) => <span>[image: {alt}]</span>,
  // remark-math's formulas arrive as `<code class="language-math math-inline">` and, in a `<pre>`, `math-display`.
  code: ({ className, children }) => {
    const classes = className?.split(' ') ?? [];
    if (typeof children !== 'string' || !classes.includes('language-math'))
      return <code className={className}>{children}</code>;
    const display = classes.includes('math-display');
    const source = display ? `$$${children}$$` : `$${children}$`;
    // remark-math takes any `$…$` for math; `$5 and $` is money, as the abstract view reads it.
    if (!display && !hasMath(source)) return source;
    return <MathFormula tex={children} source={source} display={display} />;
  },
  // A display formula is no code block: its `<pre>` goes and the formula stands on its own line.
  pre: ({ node, children }) => {
    const first = node?.children[0];
    const display = first?.type === 'element' && String(first.properties.className).includes('math-display');
    return display ? <div className="math-block">{children}</div> : <pre>{children}</pre>;
  },
};

/**
 * A note as Markdown elements, never raw HTML: links to the web and mail only, images as their alt text,
 * `$…$`, `$$…$$`, `\\(…\\)` and `\\[…\\]` drawn by KaTeX as in Obsidian.
 */
export function NotePreview({ text }: { text: string }) {
  return (
    <Markdown skipHtml urlTransform={safeHref} remarkPlugins={REMARK_PLUGINS} components={PREVIEW_COMPONENTS}>
      {withDollarMath(text)}
    </Markdown>
  );
}
