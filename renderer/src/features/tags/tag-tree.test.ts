import { describe, expect, it } from 'vitest';
import { buildTagTree } from './tag-tree.js';

describe('buildTagTree', () => {
  it('nests parent/child tags, sorted by name, with the library’s own counts', () => {
    const tree = buildTagTree([
      { tag: 'llm/sparsity', count: 2 },
      { tag: 'llm', count: 3 },
      { tag: 'vision', count: 1 },
      { tag: 'llm/agents', count: 1 },
    ]);
    expect(tree).toEqual([
      {
        name: 'llm',
        path: 'llm',
        count: 3,
        children: [
          { name: 'agents', path: 'llm/agents', count: 1, children: [] },
          { name: 'sparsity', path: 'llm/sparsity', count: 2, children: [] },
        ],
      },
      { name: 'vision', path: 'vision', count: 1, children: [] },
    ]);
  });

  it('makes a parent for a child whose parent has no papers of its own, counted 0', () => {
    expect(buildTagTree([{ tag: 'a/b/c', count: 4 }])).toEqual([
      {
        name: 'a',
        path: 'a',
        count: 0,
        children: [
          { name: 'b', path: 'a/b', count: 0, children: [{ name: 'c', path: 'a/b/c', count: 4, children: [] }] },
        ],
      },
    ]);
  });

  it('joins names that differ only in case, keeps the first spelling for the node and each tag’s own path, and ignores empty parts', () => {
    const tree = buildTagTree([
      { tag: 'LLM', count: 1 },
      { tag: 'llm//x/', count: 2 },
    ]);
    expect(tree).toHaveLength(1);
    expect(tree[0]).toMatchObject({ name: 'LLM', count: 1 });
    expect(tree[0]?.children).toEqual([{ name: 'x', path: 'llm/x', count: 2, children: [] }]);
  });

  it('answers nothing for no tags, and takes `__proto__` as a tag like any other', () => {
    expect(buildTagTree([])).toEqual([]);
    expect(buildTagTree([{ tag: '__proto__', count: 1 }])).toEqual([
      { name: '__proto__', path: '__proto__', count: 1, children: [] },
    ]);
  });
});
