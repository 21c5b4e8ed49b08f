import { Fragment } from 'react';
import { parseMath, type MathNode } from '../../../shared/text/math.js';

function renderNodes(nodes: readonly MathNode[]) {
  return nodes.map((node, i) => {
    if (typeof node === 'string') return <Fragment key={i}>{node}</Fragment>;
    const Tag = node.kind;
    return <Tag key={i}>{renderNodes(node.children)}</Tag>;
  });
}

/** An inline formula from an abstract, drawn with text, superscripts and subscripts; its TeX stays available to copy. */
export function MathText({ tex }: { tex: string }) {
  return (
    <span className="math" title={`$${tex}$`}>
      {renderNodes(parseMath(tex))}
    </span>
  );
}
