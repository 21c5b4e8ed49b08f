import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useMargin } from '../../store/use-margin.js';
import { Modal } from '../../ui/Modal.js';

/** Rename, merge or delete a tag everywhere it is used. */
export function TagsDialog() {
  const s = useMargin(
    useShallow((st) => ({
      tags: st.overview?.tags ?? [],
      initial: st.tagDialogTag,
      error: st.tagAdminError,
      rename: st.renameTag,
      remove: st.deleteTag,
      close: st.closeDialog,
    })),
  );
  const [tag, setTag] = useState(() => s.initial ?? s.tags[0]?.tag ?? '');
  const [name, setName] = useState('');
  const count = s.tags.find((t) => t.tag === tag)?.count ?? 0;
  const target = name.trim();
  const merging = target !== '' && s.tags.some((t) => t.tag.toLowerCase() === target.toLowerCase());
  const same = target.toLowerCase() === tag.toLowerCase();

  return (
    <Modal title="Tags" onClose={s.close} className="tags-dialog">
      {s.tags.length === 0 ? (
        <p>No tags yet. Tag a paper with t, or several at once after selecting them.</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (target !== '' && !same) void s.rename(tag, target);
          }}
        >
          <label className="field">
            <span className="field-label">Tag</span>
            <select
              value={tag}
              onChange={(e) => setTag(e.target.value)}
              data-autofocus={s.initial === null || undefined}
            >
              {s.tags.map((t) => (
                <option key={t.tag} value={t.tag}>
                  #{t.tag} ({t.count})
                </option>
              ))}
            </select>
          </label>
          <p className="hint">
            On {count.toLocaleString()} {count === 1 ? 'paper' : 'papers'}; tags below it (#{tag}/…) change with it.
          </p>
          <label className="field">
            <span className="field-label">New name, or an existing tag to merge into</span>
            <input
              value={name}
              list="tag-names"
              data-autofocus={s.initial !== null || undefined}
              onChange={(e) => setName(e.target.value)}
              placeholder={tag}
            />
            <datalist id="tag-names">
              {s.tags
                .filter((t) => t.tag !== tag)
                .map((t) => (
                  <option key={t.tag} value={t.tag} />
                ))}
            </datalist>
          </label>
          {s.error && (
            <p className="error" role="alert">
              {s.error}
            </p>
          )}
          <div className="row-actions">
            <button type="submit" className="btn primary" disabled={target === '' || same}>
              {merging ? `Merge into #${target}` : 'Rename'}
            </button>
            <span className="spacer" />
            <button type="button" className="btn danger" onClick={() => void s.remove(tag)}>
              Delete #{tag}
            </button>
          </div>
          <p className="hint">Deleting takes the tag off its papers; the papers stay. Ctrl/Cmd+Z undoes either.</p>
        </form>
      )}
    </Modal>
  );
}
