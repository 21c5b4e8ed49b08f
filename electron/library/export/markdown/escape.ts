import { texSegments } from '../../../../shared/text/tex-segments.js';
import { texToText } from '../../../../shared/text/tex-text.js';

/**
 * Plain text (a title, an abstract, a quote, a comment) made safe to drop into Markdown: every character
 * Markdown or Obsidian would read as syntax is backslash-escaped (CommonMark allows it for any ASCII
 * punctuation), so `<script>`, `[link](javascript:…)`, `[[wikilinks]]`, `%%comments%%` and `^block-ids`
 * stay text. Formulas are kept as TeX so Obsidian renders them as math: `$…$` and `$$…$$` as written,
 * `\(…\)` and `\[…\]` (which Obsidian does not read) as `$…$` and `$$…$$`.
 */
export function escapeMarkdown(text: string, block = true, prose: (text: string) => string = (t) => t): string {
  return texSegments(text)
    .map((segment) => {
      if (segment.kind === 'text') return escapePlain(prose(segment.source), block);
      const fence = segment.display ? '$$' : '$';
      return isObsidianMath(segment.tex) ? `${fence}${segment.tex}${fence}` : escapePlain(segment.source, block);
    })
    .join('');
}

/**
 * A formula kept raw only where Obsidian renders it as math, and only when it holds nothing Markdown
 * or a plugin could read as HTML, code or a link: no space just inside the dollars (`$ x $` is text to
 * Obsidian and CommonMark, so its content would be live Markdown), no `<`, backtick or brackets.
 */
function isObsidianMath(formula: string): boolean {
  return formula !== '' && !/^\s|\s$/.test(formula) && !/[<>`[\]]/.test(formula);
}

/**
 * A link destination: percent-encoded so nothing in it (a DOI's `)` or space, say) can end the link early.
 */
export function linkDestination(url: string): string {
  return encodeURI(url).replace(
    /[()[\]<>'"]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function escapePlain(text: string, block: boolean): string {
  const inline = text
    // Emphasis, code, links and wikilinks, HTML, strikethrough, block ids, lone dollars.
    .replace(/[\\`*_[\]<~^$]/g, (ch) => `\\${ch}`)
    // Obsidian tags (#word), comments (%%), highlights (==), HTML entities (&amp;).
    .replace(/#(?=\S)/g, '\\#')
    .replace(/%%/g, '\\%\\%')
    .replace(/==/g, '\\=\\=')
    .replace(/&(?=#?\w+;)/g, '\\&');
  // Block syntax at the start of a line: quotes, headings, lists, thematic breaks.
  return block
    ? inline.replace(
        /^(\s*)([>#+-]|\d+[.)])/gm,
        (_m, space: string, mark: string) => `${space}${mark.replace(/[>#+\-.)]$/, (c) => `\\${c}`)}`,
      )
    : inline;
}

/** One line of text, for a heading or a list item. */
export function escapeInline(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim(), false);
}

/**
 * A paper's own text (its title, abstract or a quote from it), whose prose may hold text-mode TeX
 * (`68\%`, `{\em …}`, `\'e`, from arXiv): written as the characters it means, as the app shows it.
 * A user's comments and notes are theirs, and go through `escapeMarkdown` as written.
 */
export function escapePaperText(text: string, block = true): string {
  return escapeMarkdown(block ? text : text.replace(/\s+/g, ' ').trim(), block, texToText);
}

/** Every line prefixed with `> `, so a multi-line quote stays one blockquote. */
export function blockquote(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}
