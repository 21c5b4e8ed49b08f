import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Paper } from '../../../../shared/models/paper.js';
import { useMargin } from '../../store/use-margin.js';
import { NotePreview } from './NotePreview.js';

/** One Markdown note per paper, saved as you type; the preview renders Markdown as elements, never raw HTML. */
export function NoteEditor({ paper }: { paper: Paper }) {
  const { draft, editNote, flushNotes, saving } = useMargin(
    useShallow((s) => ({
      draft: s.noteDrafts[paper.id],
      editNote: s.editNote,
      flushNotes: s.flushNotes,
      saving: s.noteSaving,
    })),
  );
  const [preview, setPreview] = useState(false);
  const text = draft ?? paper.note?.text ?? '';
  const state = draft !== undefined ? 'Unsaved…' : saving ? 'Saving…' : paper.note ? 'Saved' : '';

  return (
    <section className="note" aria-label="Note">
      <div className="note-header">
        <h2 className="section-title">Note</h2>
        <span className="note-state" role="status">
          {state}
        </span>
        <button type="button" className="btn small ghost" aria-pressed={preview} onClick={() => setPreview(!preview)}>
          {preview ? 'Edit' : 'Preview'}
        </button>
      </div>
      {preview ? (
        <div className="note-preview">
          {text.trim() === '' ? <p className="hint-text">Nothing written yet.</p> : <NotePreview text={text} />}
        </div>
      ) : (
        <textarea
          aria-label="Note"
          className="note-text"
          placeholder="Your thoughts on this paper, in Markdown. Saved as you type."
          value={text}
          onChange={(e) => editNote(paper.id, e.target.value)}
          onBlur={() => void flushNotes()}
          rows={Math.min(20, Math.max(5, text.split('\n').length + 1))}
        />
      )}
    </section>
  );
}
