import { useId, useState } from 'react';
import type { ExportConflict, MergeQuestion } from '../../../../shared/models/export-conflict.js';

export type MergeAnswer = 'mine' | 'margin' | 'both';
const ANSWERS: readonly { answer: MergeAnswer; label: string }[] = [
  { answer: 'mine', label: 'Use mine' },
  { answer: 'margin', label: "Use Margin's" },
  { answer: 'both', label: 'Use both' },
];

/**
 * A three-way merge of one note: what only one side changed is merged already; for each place both changed,
 * the two versions side by side and a choice. Nothing is written until every place has an answer.
 */
export function MergeView({
  conflict,
  busy,
  onWrite,
  onCancel,
}: {
  conflict: ExportConflict;
  busy: boolean;
  onWrite: (answers: readonly MergeAnswer[]) => void;
  onCancel: () => void;
}) {
  const questions = conflict.merge?.questions ?? [];
  const [answers, setAnswers] = useState<readonly (MergeAnswer | null)[]>(() => questions.map(() => null));
  const ready = answers.every((a): a is MergeAnswer => a !== null);
  const count = questions.length;
  const [showResult, setShowResult] = useState(false);
  const resultId = useId();
  return (
    <section aria-label={`Merge ${conflict.file}`} className="merge-view">
      <p className="merge-intro">
        {count === 0
          ? "Your edits and Margin's changes are on different lines, so they merge with nothing to choose."
          : `Changes on different lines are merged. You and Margin both changed ${count === 1 ? 'one place' : `${count} places`}: choose for each.`}
      </p>
      {conflict.merge?.hasBase === false && (
        <p className="hint-text">
          This note was exported before Margin kept a copy of what it wrote, so every difference is asked.
        </p>
      )}
      {questions.map((q, i) => (
        <fieldset key={i} className="merge-question">
          <legend>
            Place {i + 1} of {count}, in {q.part === 'front matter' ? 'the front matter' : `the ${q.part}`}
          </legend>
          <div className="merge-sides">
            <figure className="merge-side mine" aria-label={`Yours, place ${i + 1}`}>
              <figcaption>Yours</figcaption>
              <pre>{q.mine.join('\n') || '(nothing)'}</pre>
            </figure>
            <figure className="merge-side margin" aria-label={`Margin's, place ${i + 1}`}>
              <figcaption>Margin's</figcaption>
              <pre>{q.margin.join('\n') || '(nothing)'}</pre>
            </figure>
          </div>
          <div className="merge-answers">
            {ANSWERS.map(({ answer, label }) => (
              <button
                key={answer}
                type="button"
                className={`btn small${answers[i] === answer ? ' chosen' : ''}`}
                aria-pressed={answers[i] === answer}
                onClick={() => setAnswers((all) => all.map((a, j) => (j === i ? answer : a)))}
              >
                {label}
              </button>
            ))}
          </div>
        </fieldset>
      ))}
      <button
        type="button"
        className="btn small merge-result-toggle"
        aria-expanded={showResult}
        aria-controls={resultId}
        onClick={() => setShowResult((v) => !v)}
      >
        {showResult ? 'Hide the merged result' : 'Show the merged result'}
      </button>
      {showResult && (
        <div id={resultId} role="region" aria-label="Merged result" className="merge-result">
          {(conflict.merge?.parts ?? []).map((part) => (
            <figure key={part.part} className="merge-side">
              <figcaption>{part.part === 'front matter' ? 'Front matter' : `The ${part.part}`}</figcaption>
              <pre>
                {part.pieces.map((piece, i) =>
                  typeof piece === 'number' ? (
                    <mark key={i} className={answers[piece] === null ? 'unanswered' : 'answered'}>
                      {answered(questions[piece], piece, answers[piece] ?? null)}
                    </mark>
                  ) : (
                    <span key={i}>{`${piece.join('\n')}\n`}</span>
                  ),
                )}
              </pre>
            </figure>
          ))}
        </div>
      )}
      <div className="merge-actions">
        <button
          type="button"
          className="btn primary"
          disabled={busy || !ready}
          onClick={() => ready && onWrite(answers)}
        >
          Write merged note
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel merge
        </button>
        {!ready && <span className="hint-text">Choose for every place first.</span>}
      </div>
    </section>
  );
}

/** The lines a question's answer puts in the merged text, or a reminder where no answer is given yet. */
function answered(question: MergeQuestion | undefined, index: number, answer: MergeAnswer | null): string {
  if (!question) return '';
  if (answer === null) return `[place ${index + 1}: not chosen yet]\n`;
  const lines =
    answer === 'mine' ? question.mine : answer === 'margin' ? question.margin : [...question.mine, ...question.margin];
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
