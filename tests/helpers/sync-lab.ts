/**
 * Machines of a lab that share one library through a git remote: each a real Library on a temp folder, edited
 * through the library API at random (from a seed), synced as the app syncs (syncLibrary). What each sync
 * confirmed is kept as edits, field by field, to check the end state against.
 */
import { Library } from '../../electron/library/library.js';
import { setRemote } from '../../electron/library/sync/git/sync-remote.js';
import { syncLibrary } from '../../electron/library/sync/git/library-sync.js';
import {
  ANNOTATION_COLORS,
  PaperIdSchema,
  STATUSES,
  type PaperContent,
  type PaperRecord,
} from '../../shared/models/paper.js';
import type { Random } from '../unit/library/sync/library-generator.js';
import { suiteTempDir } from './temp-dir.js';

/** One paper as the oracle sees it. */
export interface PaperView {
  readonly status: string;
  readonly trashed: boolean;
  readonly tags: readonly string[];
  readonly note: string | null;
  readonly noteAt: string;
  /** Highlight id → its colour and when it was last changed. */
  readonly highlights: ReadonlyMap<string, { color: string; at: string }>;
  readonly arxivId: string | null;
  /** When the status and the place in the Trash were last changed. */
  readonly statusAt: string;
  readonly trashedAtTime: string;
}
export type LibraryView = ReadonlyMap<string, PaperView>;

/** A change one machine's sync confirmed (its net change since its previous sync), with the time the merge sees. */
export interface ConfirmedEdit {
  readonly machine: string;
  readonly paper: string;
  readonly field: string;
  readonly value: unknown;
  readonly at: string;
}

export interface Machine {
  readonly name: string;
  readonly dir: string;
  readonly library: Library;
  /** The library as this machine's last sync left it. */
  base: LibraryView;
}

/** One clock for the lab (every call a second later): "later" means the same on every machine. */
export function labClock(start = Date.parse('2026-11-27T09:00:00.000Z')): () => Date {
  let tick = 0;
  return () => new Date(start + tick++ * 1000);
}

export async function openMachine(name: string, remote: string, now: () => Date): Promise<Machine> {
  const dir = await suiteTempDir(`margin-lab-${name}-`);
  let next = 0;
  const library = await Library.open({
    dir,
    mode: 'write',
    holder: `lab ${name}`,
    deps: { now, newId: () => PaperIdSchema.parse(`${name}${String(++next).padStart(8, '0')}`) },
  });
  await setRemote(dir, remote);
  return { name, dir, library, base: new Map() };
}

export async function view(library: Library): Promise<LibraryView> {
  const [records, contents] = [await library.papers.records(), await library.papers.allContents()];
  return new Map(records.map((r) => [r.id, paperView(r, contents.get(r.id))]));
}

function paperView(r: PaperRecord, c: PaperContent | undefined): PaperView {
  return {
    status: r.status,
    trashed: r.trashedAt !== null,
    tags: [...r.tags].sort(),
    note: c?.note?.text ?? null,
    noteAt: c?.note?.updatedAt ?? '',
    highlights: new Map((c?.annotations ?? []).map((a) => [a.id, { color: a.color, at: a.updatedAt }])),
    arxivId: r.arxivId,
    statusAt: r.fieldTimes?.status ?? r.updatedAt,
    trashedAtTime: r.fieldTimes?.trashedAt ?? r.updatedAt,
  };
}

/** Sync one machine; what it confirmed is appended to `edits`. */
export async function syncMachine(m: Machine, edits: ConfirmedEdit[]): Promise<void> {
  const before = await view(m.library);
  await syncLibrary(m.library);
  edits.push(...netEdits(m.name, m.base, before));
  m.base = await view(m.library);
}

/** What changed from `base` to `now`, field by field (tags and highlights one by one). */
export function netEdits(machine: string, base: LibraryView, now: LibraryView): ConfirmedEdit[] {
  const edits: ConfirmedEdit[] = [];
  for (const [paper, p] of now) {
    const b = base.get(paper);
    const edit = (field: string, value: unknown, at: string) => edits.push({ machine, paper, field, value, at });
    if (b === undefined && p.arxivId !== null) edit('imported', p.arxivId, p.statusAt);
    if (p.status !== b?.status) edit('status', p.status, p.statusAt);
    if (p.trashed !== (b?.trashed ?? false)) edit('trashed', p.trashed, p.trashedAtTime);
    for (const tag of p.tags) if (!b?.tags.includes(tag)) edit(`tag:${tag}`, true, p.statusAt);
    for (const tag of b?.tags ?? []) if (!p.tags.includes(tag)) edit(`tag:${tag}`, false, p.statusAt);
    // A note's words as typed (a merge may put them between conflict markers): each new line one edit.
    const lines = new Set((b?.note ?? '').split('\n'));
    for (const line of (p.note ?? '').split('\n'))
      if (/^note \d+$/.test(line) && !lines.has(line)) edit('note', line, p.noteAt);
    for (const [id, h] of p.highlights) {
      const was = b?.highlights.get(id);
      if (was?.color !== h.color) edit(`highlight:${id}`, h.color, h.at);
    }
    for (const id of b?.highlights.keys() ?? []) if (!p.highlights.has(id)) edit(`highlight:${id}`, null, '');
  }
  return edits;
}

const TAGS = ['llm', 'vision', 'rl', 'theory', 'survey'];
/** Papers any machine may import: a shared pool, so two machines import the same paper and make duplicates. */
const POOL = Array.from({ length: 40 }, (_, i) => `2401.${String(10000 + i)}`);

export function bibtex(arxivIds: readonly string[]): string {
  return arxivIds
    .map(
      (id) =>
        `@article{a${id.replace('.', '')},\n  title = {Paper number ${id}},\n  author = {Doe, Jane and Roe, Rick},\n  year = {2024},\n  eprint = {${id}},\n  archivePrefix = {arXiv},\n  abstract = {We study sparse attention in long context models and report results on five tasks.}\n}\n`,
    )
    .join('\n');
}

export async function importPapers(library: Library, arxivIds: readonly string[]): Promise<void> {
  await library.imports.run({ text: bibtex(arxivIds), format: 'auto', fileName: 'lab.bib', tags: [], dryRun: false });
}

/** One random edit through the library API; returns what it did, for the log. */
export async function randomEdit(library: Library, r: Random): Promise<string> {
  const records = await library.papers.records();
  const live = records.filter((p) => p.trashedAt === null);
  const trashed = records.filter((p) => p.trashedAt !== null);
  const kind = r.int(100);
  if (live.length === 0 || kind < 8) {
    const ids = [r.pick(POOL), ...(r.chance(0.3) ? [r.pick(POOL)] : [])];
    await importPapers(library, ids);
    return `import ${ids.join(' ')}`;
  }
  const paper = r.pick(live);
  if (kind < 22) {
    const status = r.pick(STATUSES.filter((s) => s !== paper.status));
    await library.papers.setStatus(paper.id, status);
    return `status ${paper.id} ${status}`;
  }
  if (kind < 36) {
    const tag = r.pick(TAGS);
    if (paper.tags.includes(tag)) await library.papers.removeTags(paper.id, [tag]);
    else await library.papers.addTags(paper.id, [tag]);
    return `tag ${paper.id} ${tag}`;
  }
  if (kind < 48) {
    await library.annotations.setNote(paper.id, `note ${r.int(1_000_000)}\nsecond line`);
    return `note ${paper.id}`;
  }
  const content = await library.papers.getContent(paper.id);
  if (kind < 60) {
    const abstract = content.abstract ?? '';
    const start = r.int(Math.max(1, abstract.length - 12));
    if (abstract.length < 12) return 'no abstract to highlight';
    await library.annotations.add(paper.id, { start, end: start + 8, color: r.pick(ANNOTATION_COLORS), comment: '' });
    return `highlight ${paper.id}`;
  }
  if (kind < 70 && content.annotations.length > 0) {
    // Picked from an order the seed decides (ids are random; a merge may list them in id order).
    const h = r.pick(
      [...content.annotations].sort(
        (a, b) =>
          a.start - b.start ||
          a.end - b.end ||
          a.updatedAt.localeCompare(b.updatedAt) ||
          a.color.localeCompare(b.color),
      ),
    );
    if (r.chance(0.5)) await library.annotations.remove(paper.id, h.id);
    else
      await library.annotations.update(paper.id, h.id, {
        color: r.pick(ANNOTATION_COLORS.filter((c) => c !== h.color)),
      });
    return `highlight change ${paper.id} ${h.id}`;
  }
  if (kind < 80) {
    const pairs = await library.duplicates.possible();
    const pair = pairs.length > 0 ? r.pick(pairs) : null;
    if (pair) {
      await library.duplicates.merge(pair.a, pair.b);
      return `merge ${pair.b} into ${pair.a}`;
    }
  }
  if (kind < 90 || trashed.length === 0) {
    await library.papers.trash([paper.id]);
    return `trash ${paper.id}`;
  }
  const back = r.pick(trashed);
  await library.papers.untrash([back.id]);
  return `restore ${back.id}`;
}
