/** A tag and its children, built from `parent/child` names. */
export interface TagNode {
  readonly name: string;
  /** The full tag, e.g. `llm/sparsity`. */
  readonly path: string;
  /** Papers with this tag or any tag under it (each paper once). */
  readonly count: number;
  readonly children: readonly TagNode[];
}

interface MutableNode {
  name: string;
  path: string;
  count: number;
  children: Map<string, MutableNode>;
}

/** Build the sidebar's tag tree from per-path counts (`llm` and `llm/sparsity` each counted by the library). */
export function buildTagTree(tags: ReadonlyArray<{ tag: string; count: number }>): TagNode[] {
  const root = new Map<string, MutableNode>();
  for (const { tag, count } of tags) {
    const parts = tag.split('/').filter((p) => p !== '');
    let level = root;
    let path = '';
    for (const part of parts) {
      path = path === '' ? part : `${path}/${part}`;
      let node = level.get(part.toLowerCase());
      if (!node) {
        node = { name: part, path, count: 0, children: new Map() };
        level.set(part.toLowerCase(), node);
      }
      if (path === parts.join('/')) node.count = count;
      level = node.children;
    }
  }
  const freeze = (nodes: Map<string, MutableNode>): TagNode[] =>
    [...nodes.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((n) => ({ name: n.name, path: n.path, count: n.count, children: freeze(n.children) }));
  return freeze(root);
}
