import { diffWords } from 'diff';
import { useMemo } from 'react';
import { keywordRanges } from '../../../../shared/triage/watch-match.js';
import { texSegments } from '../../../../shared/text/tex-segments.js';
import { texToText } from '../../../../shared/text/tex-text.js';
import { MathFormula } from '../../ui/math/MathFormula.js';
import { useMargin } from '../../store/use-margin.js';
import type { ShownItem } from './triage-order.js';

/** Prose with the watched keywords marked (as text nodes and <mark>, never HTML). */
function MarkedProse({ text, keywords }: { text: string; keywords: readonly string[] }) {
  const pieces = useMemo(() => {
    const out: Array<{ text: string; marked: boolean }> = [];
    let at = 0;
    for (const [start, end] of keywordRanges(text, keywords)) {
      if (start > at) out.push({ text: text.slice(at, start), marked: false });
      out.push({ text: text.slice(start, end), marked: true });
      at = end;
    }
    if (at < text.length) out.push({ text: text.slice(at), marked: false });
    return out;
  }, [text, keywords]);
  return <>{pieces.map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}

/** A title or abstract as the reader shows it: formulas drawn, TeX markup as characters, watched words marked. */
function Marked({ text, keywords }: { text: string; keywords: readonly string[] }) {
  const segments = useMemo(() => texSegments(text), [text]);
  return (
    <>
      {segments.map((segment) =>
        segment.kind === 'math' ? (
          <MathFormula key={segment.start} tex={segment.tex} source={segment.source} display={segment.display} />
        ) : (
          <MarkedProse key={segment.start} text={texToText(segment.source)} keywords={keywords} />
        ),
      )}
    </>
  );
}

/** What changed between the library's abstract and the new version's, word by word. */
function AbstractDiff({ before, after }: { before: string; after: string }) {
  const parts = useMemo(() => diffWords(before, after), [before, after]);
  return (
    <p className="abstract-diff" aria-label="Changes in the abstract">
      {parts.map((part, i) =>
        part.added ? (
          <ins key={i}>{part.value}</ins>
        ) : part.removed ? (
          <del key={i}>{part.value}</del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </p>
  );
}

/** The paper being decided: its title, authors, why it matters, the whole abstract, and the decision buttons. */
export function TriageCard({
  shown,
  quickTags,
  keywords,
}: {
  shown: ShownItem | undefined;
  quickTags: readonly string[];
  keywords: readonly string[];
}) {
  const decide = useMargin((s) => s.decideTriage);
  const toggleTag = useMargin((s) => s.toggleQuickTag);
  const accept = useMargin((s) => s.acceptNewVersion);
  const accepted = useMargin((s) => (shown ? s.acceptedVersions[shown.item.index] : undefined));
  if (!shown) return <article className="triage-card" aria-label="Paper" />;
  const { item, reasons } = shown;
  return (
    <article className="triage-card" aria-label="Paper" key={item.index}>
      <h1>
        <Marked text={item.title} keywords={keywords} />
      </h1>
      {item.authors.length > 0 && <div className="authors">{item.authors.join(', ')}</div>}
      <div className="facts">
        {item.year !== null && <span>{item.year}</span>}
        {item.venue && <span>{item.venue}</span>}
        {item.arxivId && (
          <span>
            arXiv:{item.arxivId}
            {item.arxivVersion !== null ? `v${item.arxivVersion}` : ''}
          </span>
        )}
        {reasons.length > 0 && <span className="watch">matches: {reasons.join(', ')}</span>}
      </div>
      <div className="triage-decisions" role="group" aria-label="Decision">
        <button
          type="button"
          className="btn"
          aria-pressed={item.decision === 'keep'}
          onClick={() => void decide('keep')}
        >
          Keep <kbd>k</kbd>
        </button>
        <button
          type="button"
          className="btn"
          aria-pressed={item.decision === 'read'}
          onClick={() => void decide('read')}
        >
          Keep and read <kbd>r</kbd>
        </button>
        <button
          type="button"
          className="btn"
          aria-pressed={item.decision === 'skip'}
          onClick={() => void decide('skip')}
        >
          Skip <kbd>x</kbd>
        </button>
        {quickTags.map((tag, i) => (
          <button
            key={tag}
            type="button"
            className="chip removable"
            aria-pressed={item.tags.some((t) => t.toLowerCase() === tag.toLowerCase())}
            onClick={() => void toggleTag(i)}
          >
            <kbd>{i + 1}</kbd> {tag}
          </button>
        ))}
      </div>
      {item.group === 'new-version' && item.libraryAbstract !== null && item.abstract !== null && (
        <section className="new-version" aria-label="New version">
          <h2 className="section-title">A new version of a paper you have</h2>
          <AbstractDiff before={item.libraryAbstract} after={item.abstract} />
          {accepted === undefined ? (
            <button type="button" className="btn small primary" onClick={() => void accept()}>
              Take the new abstract
            </button>
          ) : (
            <p role="status">
              Taken.{' '}
              {accepted.length === 0
                ? 'Every highlight kept its place.'
                : `Highlights that lost their text, kept as orphaned: ${accepted.map((q) => `“${q}”`).join(', ')}`}
            </p>
          )}
        </section>
      )}
      <section className="abstract" aria-label="Abstract">
        <h2 className="section-title">Abstract</h2>
        {item.abstract ? (
          <p>
            <Marked text={item.abstract} keywords={keywords} />
          </p>
        ) : (
          <p className="missing">The digest gave no abstract.</p>
        )}
      </section>
    </article>
  );
}
