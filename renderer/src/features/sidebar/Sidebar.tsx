import { useMemo, useState } from 'react';
import { ContextMenu } from '../../ui/ContextMenu.js';
import { useShallow } from 'zustand/react/shallow';
import { buildTagTree, type TagNode } from '../tags/tag-tree.js';
import { STATUS_VIEWS, sameView } from './views.js';
import { useMargin } from '../../store/use-margin.js';
import { Icon, type IconName } from '../../ui/Icon.js';
import type { View } from '../../../../shared/ipc/contract.js';

function NavItem({
  label,
  count,
  icon,
  current,
  onClick,
  onContextMenu,
  id,
}: {
  label: string;
  count?: number;
  icon: IconName;
  current: boolean;
  onClick: () => void;
  onContextMenu?: (event: React.MouseEvent) => void;
  id: string;
}) {
  return (
    <button
      type="button"
      className="nav-item"
      aria-label={label}
      aria-current={current ? 'page' : undefined}
      aria-describedby={count === undefined ? undefined : `${id}-count`}
      onClick={onClick}
      onContextMenu={onContextMenu}
    >
      <Icon name={icon} />
      <span className="label">{label}</span>
      {count !== undefined && (
        <span className="count" id={`${id}-count`} aria-label={`${count} ${count === 1 ? 'paper' : 'papers'}`}>
          {count.toLocaleString()}
        </span>
      )}
    </button>
  );
}

function TagTree({
  nodes,
  view,
  onSelect,
  onMenu,
  depth,
}: {
  nodes: readonly TagNode[];
  view: View;
  onSelect: (tag: string) => void;
  onMenu: (tag: string, event: React.MouseEvent) => void;
  depth: number;
}) {
  return (
    <ul className={depth > 0 ? 'tag-children' : undefined}>
      {nodes.map((node) => (
        <li key={node.path}>
          <NavItem
            id={`tag-${node.path.replace(/[^a-z0-9]+/gi, '-')}`}
            label={node.name}
            count={node.count}
            icon="tag"
            current={sameView(view, { kind: 'tag', tag: node.path })}
            onClick={() => onSelect(node.path)}
            onContextMenu={(event) => onMenu(node.path, event)}
          />
          {node.children.length > 0 && (
            <TagTree nodes={node.children} view={view} onSelect={onSelect} onMenu={onMenu} depth={depth + 1} />
          )}
        </li>
      ))}
    </ul>
  );
}

/** Status views with counts, the tag tree and saved searches. */
export function Sidebar() {
  const { overview, view, savedSearches, search } = useMargin(
    useShallow((s) => ({ overview: s.overview, view: s.view, savedSearches: s.savedSearches, search: s.search })),
  );
  const { setView, setSearch, deleteSearch, openDialog, openTagDialog, deleteTag } = useMargin(
    useShallow((s) => ({
      setView: s.setView,
      setSearch: s.setSearch,
      deleteSearch: s.deleteSearch,
      openDialog: s.openDialog,
      openTagDialog: s.openTagDialog,
      deleteTag: s.deleteTag,
    })),
  );
  const [menu, setMenu] = useState<{ tag: string; x: number; y: number } | null>(null);
  const tree = useMemo(() => buildTagTree(overview?.tags ?? []), [overview?.tags]);
  const counts = overview?.statusCounts;

  return (
    <aside className="sidebar">
      <nav aria-label="Library">
        <ul>
          {STATUS_VIEWS.map((item) => (
            <li key={item.status}>
              <NavItem
                id={`status-${item.status}`}
                label={item.label}
                count={counts?.[item.status] ?? 0}
                icon={item.icon}
                current={sameView(view, { kind: 'status', status: item.status })}
                onClick={() => void setView({ kind: 'status', status: item.status })}
              />
            </li>
          ))}
          <li>
            <NavItem
              id="all"
              label="All papers"
              count={overview?.total ?? 0}
              icon="all"
              current={view.kind === 'all'}
              onClick={() => void setView({ kind: 'all' })}
            />
          </li>
          <li>
            <NavItem
              id="trash"
              label="Trash"
              count={overview?.trashCount ?? 0}
              icon="trash"
              current={view.kind === 'trash'}
              onClick={() => void setView({ kind: 'trash' })}
            />
          </li>
        </ul>
      </nav>
      <nav aria-label="Tags">
        <h2>Tags</h2>
        {tree.length === 0 ? (
          <p className="hint">Tags you add show up here. Use a slash to nest them: llm/sparsity.</p>
        ) : (
          <TagTree
            nodes={tree}
            view={view}
            onSelect={(tag) => void setView({ kind: 'tag', tag })}
            onMenu={(tag, event) => {
              event.preventDefault();
              setMenu({ tag, x: event.clientX, y: event.clientY });
            }}
            depth={0}
          />
        )}
        {menu && (
          <ContextMenu
            label={`Tag #${menu.tag}`}
            x={menu.x}
            y={menu.y}
            onClose={() => setMenu(null)}
            items={[
              { label: 'Rename or merge…', onSelect: () => openTagDialog(menu.tag) },
              { label: `Delete #${menu.tag}`, danger: true, onSelect: () => void deleteTag(menu.tag) },
            ]}
          />
        )}
      </nav>
      <nav aria-label="Saved searches">
        <h2>Saved searches</h2>
        {savedSearches.length === 0 ? (
          <p className="hint">Search, then press “Save search” to keep it here.</p>
        ) : (
          <ul>
            {savedSearches.map((saved) => (
              <li key={saved.id} className="saved-row">
                <NavItem
                  id={`saved-${saved.id}`}
                  label={saved.name}
                  icon="search"
                  current={view.kind === 'all' && search === saved.query}
                  onClick={() => void setView({ kind: 'all' }).then(() => setSearch(saved.query))}
                />
                <button
                  type="button"
                  className="btn ghost small remove"
                  aria-label={`Delete saved search ${saved.name}`}
                  onClick={() => void deleteSearch(saved.id)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
      </nav>
      <div className="sidebar-footer">
        <button type="button" className="btn ghost small" onClick={() => openDialog('duplicates')}>
          Possible duplicates…
        </button>
        <button type="button" className="btn ghost small" onClick={() => openDialog('storage')}>
          Storage…
        </button>
        <button type="button" className="btn ghost small" onClick={() => openDialog('backups')}>
          Restore from backup…
        </button>
      </div>
    </aside>
  );
}
