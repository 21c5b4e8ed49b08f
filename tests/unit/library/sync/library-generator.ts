/** Random libraries and random edits of them, from a seed: the property tests' input, repeatable. */
import {
  ANNOTATION_COLORS,
  STATUSES,
  withCounts,
  type Annotation,
  type PaperContent,
  type PaperRecord,
} from '../../../../shared/models/paper.js';
import { EMPTY_LIBRARY, type LibraryState } from '../../../../electron/library/sync/library-state.js';
import { paperRecord } from '../../../helpers/paper-record.js';

/** mulberry32: small, fast, and the same sequence on every machine. */
export function prng(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  return { next, int, pick, chance: (p) => next() < p };
}

export interface Random {
  next(): number;
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

const IDS = ['paper0001', 'paper0002', 'paper0003', 'paper0004', 'paper0005'];
const TAGS = ['llm', 'vision', 'rl', 'theory', 'survey', 'llm/sparsity'];
const LINES = ['# Summary', 'key idea', 'weak baseline', 'read again', '', 'cites X', 'TODO: code', 'nice plots'];
const TITLES = ['Attention', 'Diffusion', 'Scaling', 'Sparsity'];
const HIGHLIGHT_IDS = ['h1', 'h2', 'h3', 'h4', 'h5'];

/** A library as of `now`: a few papers, some with notes and highlights, maybe a paper in the Trash. */
export function randomLibrary(r: Random, now: string): LibraryState {
  const records = new Map<string, PaperRecord>();
  const contents = new Map<string, PaperContent>();
  for (const id of IDS) {
    if (!r.chance(0.5)) continue;
    // Some papers have no content stored at all (older libraries, papers never opened).
    const stored = r.chance(0.9);
    const content: PaperContent = stored
      ? {
          abstract: r.chance(0.8) ? 'An abstract.' : null,
          note: r.chance(0.6) ? { text: randomLines(r), updatedAt: now } : null,
          annotations: HIGHLIGHT_IDS.filter(() => r.chance(0.3)).map((hid) => highlight(r, hid, now)),
        }
      : { abstract: null, note: null, annotations: [] };
    const record = paperRecord(id, {
      title: r.pick(TITLES),
      tags: TAGS.filter(() => r.chance(0.3)),
      status: r.pick(STATUSES),
      trashedAt: r.chance(0.15) ? now : null,
      addedAt: now,
      updatedAt: now,
    });
    records.set(id, withCounts(record, content));
    if (stored) contents.set(id, content);
  }
  return { ...EMPTY_LIBRARY, records, contents, ...randomSets(r, EMPTY_LIBRARY, now, 3) };
}

const WORDS = ['transformer', 'kaiser', 'diffusion', 'Vaswani'];

/** The library's other synced sets, edited `edits` times: "not the same paper", saved searches, triage memory. */
function randomSets(
  r: Random,
  library: LibraryState,
  now: string,
  edits: number,
): Omit<LibraryState, 'records' | 'contents'> {
  let { distinct, searches, skipped, watch } = library;
  for (let i = 0; i < edits; i++) {
    switch (r.int(7)) {
      case 0:
        distinct = [...distinct, [r.pick(IDS), r.pick(IDS)]];
        break;
      case 1:
        searches = [...searches, { id: `s${r.int(4)}`, name: r.pick(WORDS), query: r.pick(WORDS) }];
        searches = searches.filter((s, at) => searches.findIndex((t) => t.id === s.id) === at);
        break;
      case 2:
        searches = searches.map((s) => (r.chance(0.5) ? { ...s, query: `${r.pick(WORDS)} ${r.int(9)}` } : s));
        break;
      case 3:
        searches = searches.filter(() => r.chance(0.5));
        break;
      case 4: {
        const title = r.pick(TITLES);
        skipped = [...skipped, { arxivId: null, doi: null, titleKey: title.toLowerCase(), title, skippedAt: now }];
        skipped = skipped.filter((s, at) => skipped.findIndex((t) => t.titleKey === s.titleKey) === at);
        break;
      }
      case 5: {
        const word = r.pick(WORDS);
        const keywords = watch.keywords.includes(word)
          ? watch.keywords.filter((w) => w !== word)
          : [...watch.keywords, word];
        watch = { ...watch, keywords };
        break;
      }
      default:
        watch = { ...watch, quickTags: TAGS.filter(() => r.chance(0.3)) };
    }
  }
  return { distinct, searches, skipped, watch };
}

function randomLines(r: Random): string {
  return Array.from({ length: 1 + r.int(4) }, () => r.pick(LINES)).join('\n');
}

function highlight(r: Random, id: string, at: string): Annotation {
  return {
    id,
    quote: 'abstract',
    prefix: 'An ',
    suffix: '.',
    start: 3,
    end: 11,
    abstractHash: 'hash',
    color: r.pick(ANNOTATION_COLORS),
    comment: r.chance(0.5) ? 'why' : '',
    state: 'anchored',
    pdf: null,
    createdAt: at,
    updatedAt: at,
  };
}

/** One machine editing its copy: `edits` random edits, each a second or two after the last, as the app makes them. */
export function randomEdits(r: Random, library: LibraryState, start: number, edits: number): LibraryState {
  const records = new Map(library.records);
  const contents = new Map(library.contents);
  let clock = start;
  /** Ids are never reused: a paper deleted for good is not imported again under its id. */
  const deleted = new Set<string>();
  for (let i = 0; i < edits; i++) {
    // Times often collide between the two machines: ties must still merge the same both ways round.
    clock += 1000 * (1 + r.int(2));
    const now = new Date(clock).toISOString();
    const id = r.pick(IDS);
    const record = records.get(id);
    const content = contents.get(id) ?? { abstract: null, note: null, annotations: [] };
    const putRecord = (next: PaperRecord) => records.set(id, { ...next, updatedAt: now });
    /** A content edit writes the record too only when its counts change (as PaperAnnotations does). */
    const putContent = (next: PaperContent) => {
      contents.set(id, next);
      if (record === undefined) return;
      const counted = withCounts(record, next);
      if (counted !== record) records.set(id, { ...counted, updatedAt: now });
    };
    if (deleted.has(id)) continue;
    if (record === undefined) {
      // An import: the same id may be imported on the other machine too.
      const fresh: PaperContent = { abstract: 'An abstract.', note: null, annotations: [] };
      records.set(id, paperRecord(id, { title: r.pick(TITLES), tags: [r.pick(TAGS)], addedAt: now, updatedAt: now }));
      contents.set(id, fresh);
      continue;
    }
    switch (r.int(13)) {
      case 0:
        putRecord({ ...record, tags: [...new Set([...record.tags, r.pick(TAGS)])] });
        break;
      case 1:
        putRecord({
          ...record,
          tags: record.tags.filter((t) => t !== r.pick(record.tags.length ? record.tags : TAGS)),
        });
        break;
      case 2:
        putRecord({ ...record, status: r.pick(STATUSES) });
        break;
      case 3:
        putRecord({ ...record, title: `${r.pick(TITLES)} ${r.int(9)}` });
        break;
      case 4:
        putRecord({ ...record, trashedAt: now });
        break;
      case 5:
        putRecord({ ...record, trashedAt: null });
        break;
      case 6:
        // Into the Trash and the Trash emptied: the paper is gone for good.
        records.delete(id);
        contents.delete(id);
        deleted.add(id);
        break;
      case 7:
      case 8: {
        const text = editLines(r, content.note?.text ?? '');
        putContent({ ...content, note: text.trim() === '' ? null : { text, updatedAt: now } });
        break;
      }
      case 9:
      case 10: {
        const hid = r.pick(HIGHLIGHT_IDS);
        const existing = content.annotations.find((a) => a.id === hid);
        const annotations = existing
          ? content.annotations.map((a) =>
              a.id === hid ? { ...a, color: r.pick(ANNOTATION_COLORS), updatedAt: now } : a,
            )
          : [...content.annotations, highlight(r, hid, now)];
        putContent({ ...content, annotations });
        break;
      }
      default: {
        if (content.annotations.length === 0) break;
        const gone = r.pick(content.annotations).id;
        putContent({ ...content, annotations: content.annotations.filter((a) => a.id !== gone) });
      }
    }
  }
  return { ...library, ...randomSets(r, library, new Date(clock).toISOString(), r.int(3)), records, contents };
}

/** Insert, delete or change a line. */
function editLines(r: Random, text: string): string {
  const lines = text === '' ? [] : text.split('\n');
  const at = r.int(lines.length + 1);
  const kind = lines.length === 0 ? 0 : r.int(3);
  if (kind === 0) lines.splice(at, 0, `${r.pick(LINES)} ${r.int(100)}`);
  else if (kind === 1) lines.splice(Math.min(at, lines.length - 1), 1);
  else lines[Math.min(at, lines.length - 1)] = `${r.pick(LINES)} ${r.int(100)}`;
  return lines.join('\n');
}
