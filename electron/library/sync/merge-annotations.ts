/** Highlights edited on two machines: merged by id, field by field, an edit beating a deletion. */
import type { Annotation } from '../../../shared/models/paper.js';
import { mergeKeyed } from './merge-keyed.js';
import { latestTime, mergeScalar, type Superseded, type Timed } from './merge-values.js';

/** Where a highlight is: these change together (re-anchoring moves them all), so they merge as one value. */
type Anchor = Pick<Annotation, 'quote' | 'prefix' | 'suffix' | 'start' | 'end' | 'abstractHash' | 'state' | 'pdf'>;

function anchorOf(a: Annotation): Anchor {
  const { quote, prefix, suffix, start, end, abstractHash, state, pdf } = a;
  return { quote, prefix, suffix, start, end, abstractHash, state, pdf };
}

export interface AnnotationsMerge {
  readonly annotations: Annotation[];
  readonly superseded: Superseded[];
  /** Ids of highlights deleted on one side and edited on the other: kept. */
  readonly keptOverDeletion: string[];
}

export function mergeAnnotations(
  base: readonly Annotation[] | undefined,
  ours: readonly Annotation[],
  theirs: readonly Annotation[],
): AnnotationsMerge {
  const superseded: Superseded[] = [];
  const keptOverDeletion: string[] = [];
  const annotations = mergeKeyed(base, ours, theirs, {
    key: (a) => a.id,
    mergeItem: (b, o, t) => mergeAnnotation(b, o, t, superseded),
    onKeptOverDeletion: (a) => keptOverDeletion.push(a.id),
  });
  return { annotations, superseded, keptOverDeletion };
}

function mergeAnnotation(
  base: Annotation | undefined,
  ours: Annotation,
  theirs: Annotation,
  superseded: Superseded[],
): Annotation {
  const field = <T>(name: string, read: (a: Annotation) => T): T => {
    const side = (a: Annotation): Timed<T> => ({ value: read(a), at: a.updatedAt });
    const was = base === undefined ? undefined : read(base);
    return mergeScalar(`highlight ${ours.id} ${name}`, was, base !== undefined, side(ours), side(theirs), superseded);
  };
  return {
    id: ours.id,
    ...field('anchor', anchorOf),
    color: field('color', (a) => a.color),
    comment: field('comment', (a) => a.comment),
    createdAt: field('createdAt', (a) => a.createdAt),
    updatedAt: latestTime(ours.updatedAt, theirs.updatedAt),
  };
}
