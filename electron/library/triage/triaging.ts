import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import {
  EMPTY_WATCH_LIST,
  WatchListSchema,
  type TriageDecision,
  type TriageItem,
  type TriageSummary,
  type TriageView,
  type WatchList,
} from '../../../shared/models/triage.js';
import { z } from 'zod';
import type { LibraryContext } from '../context/library-context.js';
import type { ImportParser } from '../import/import-parser.js';
import type { Importing } from '../import/importing.js';
import { planImport } from '../import/plan-import.js';
import type { ParsedEntry } from '../paper/entry.js';
import type { Papers } from '../papers/papers.js';
import type { PaperAnnotations } from '../annotations/paper-annotations.js';
import { LibraryError } from '../storage/errors.js';
import { ValidatedJsonFile } from '../storage/validated-json-file.js';
import { SkipMemory } from './skip-memory.js';
import { triageCounts, triageItem } from './triage-items.js';
import { TRIAGE_DIR, TriageSessions, type SessionFile, type TriageSource } from './triage-sessions.js';

export const WatchFileSchema = z.object({ version: z.literal(1), watch: WatchListSchema });

/** One decision as the renderer sends it. */
export interface DecisionInput {
  readonly index: number;
  readonly decision: TriageDecision | null;
  readonly tags?: readonly string[] | undefined;
}

/** What finishing a triage did. */
export interface TriageOutcome {
  readonly keptIds: string[];
  /** The kept papers' titles, for the summary's links. */
  readonly kept: Array<{ id: string; title: string }>;
  readonly added: number;
  readonly skipped: number;
}

/**
 * Morning triage: a digest read and matched against the library and the papers skipped before, decided
 * paper by paper (kept, kept and reading, skipped), then finished: kept papers are imported with their
 * status and tags, skipped ones remembered. Each digest's decisions are saved as they are made.
 */
export class Triaging {
  private readonly sessions: TriageSessions;
  private skips: Promise<SkipMemory> | null = null;
  /** Decisions arrive one per key press, several in flight: each is a read-modify-write of the triage's file. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ctx: LibraryContext,
    private readonly imports: Importing,
    private readonly papers: Papers,
    private readonly annotations: PaperAnnotations,
    private readonly parser: ImportParser,
  ) {
    this.sessions = new TriageSessions(ctx.store.dir);
  }

  /** Read a digest into a new triage (nothing is imported yet). */
  async start(source: TriageSource): Promise<TriageView> {
    const { entries, label } = await this.parse(source);
    if (entries.length === 0)
      throw new LibraryError('invalid-request', `${source.fileName ?? 'input'}: no papers found to triage`);
    const now = this.ctx.deps.now();
    const id = this.sessions.newId(now);
    const session: SessionFile = {
      version: 1,
      summary: {
        id,
        createdAt: now.toISOString(),
        label,
        fileName: source.fileName,
        counts: { new: 0, newVersion: 0, inLibrary: 0, skippedBefore: 0, kept: 0, skipped: 0 },
        finishedAt: null,
        keptIds: [],
      },
      decisions: {},
    };
    const items = await this.items(entries, session);
    session.summary.counts = triageCounts(items);
    await this.sessions.create(id, session, source);
    return { session: session.summary, items };
  }

  /** A triage as it stands, matched again against the library as it is now (to reopen and change decisions). */
  async open(id: string): Promise<TriageView> {
    const { session, source } = await this.sessions.read(id);
    const { entries } = await this.parse(source);
    const items = await this.items(entries, session);
    return { session: { ...session.summary, counts: triageCounts(items) }, items };
  }

  /** What a digest holds, grouped, without saving anything (`margin triage --json`). */
  async dryRun(source: TriageSource): Promise<TriageView> {
    const { entries, label } = await this.parse(source);
    const empty: SessionFile = {
      version: 1,
      summary: {
        id: 'dry-run',
        createdAt: this.ctx.nowIso(),
        label,
        fileName: source.fileName,
        counts: { new: 0, newVersion: 0, inLibrary: 0, skippedBefore: 0, kept: 0, skipped: 0 },
        finishedAt: null,
        keptIds: [],
      },
      decisions: {},
    };
    const items = await this.items(entries, empty);
    return { session: { ...empty.summary, counts: triageCounts(items) }, items };
  }

  /** Record decisions (one key press, or "keep all remaining"); saved at once. */
  decide(id: string, decisions: readonly DecisionInput[]): Promise<void> {
    return this.serial(() => this.record(id, decisions));
  }

  private async record(id: string, decisions: readonly DecisionInput[]): Promise<void> {
    const { session } = await this.sessions.read(id);
    const next = { ...session.decisions };
    for (const d of decisions) {
      const key = String(d.index);
      const tags = d.tags ? [...d.tags] : ((Object.hasOwn(next, key) ? next[key]?.tags : undefined) ?? []);
      if (d.decision === null && tags.length === 0) delete next[key];
      else next[key] = { decision: d.decision, tags };
    }
    await this.sessions.save(id, { ...session, decisions: next });
  }

  /**
   * Import the kept papers (to read, or reading), tag them, and remember the skipped ones. Finishing again
   * after reopening applies the changed decisions: papers already imported are not imported twice.
   */
  finish(id: string): Promise<TriageOutcome> {
    // After every decision already sent: a quick last key press is part of what Finish imports.
    return this.serial(() => this.complete(id));
  }

  private async complete(id: string): Promise<TriageOutcome> {
    const { session, source } = await this.sessions.read(id);
    const { entries } = await this.parse(source);
    const items = await this.items(entries, session);
    const kept = items.filter((i) => i.decision === 'keep' || i.decision === 'read');
    const toImport = kept.filter((i) => i.paperId === null);
    const importIndexes = new Set(toImport.map((i) => i.index));
    const paperOf = new Map<number, string>();
    let added = 0;
    if (toImport.length > 0) {
      const report = await this.imports.run({
        ...source,
        tags: [],
        dryRun: false,
        edits: entries.flatMap((_e, index) =>
          importIndexes.has(index) ? [] : [{ index, action: 'exclude' as const }],
        ),
      });
      added = report.added;
      // The report lists the included entries in order: the kept ones, by position.
      const included = [...importIndexes].sort((a, b) => a - b);
      report.entries.forEach((entry, i) => {
        const index = included[i];
        if (index !== undefined) paperOf.set(index, entry.paperId);
      });
    }
    for (const item of kept) if (item.paperId !== null) paperOf.set(item.index, item.paperId);
    const idsWith = (decision: TriageDecision) =>
      kept.filter((i) => i.decision === decision).flatMap((i) => paperOf.get(i.index) ?? []);
    const toRead = await this.onlyUnread(idsWith('keep'));
    if (toRead.length > 0) await this.papers.setStatusMany(toRead, 'to-read');
    const reading = idsWith('read');
    if (reading.length > 0) await this.papers.setStatusMany(reading, 'reading');
    for (const [tag, ids] of tagGroups(kept, paperOf)) await this.papers.editTags(ids, [tag], []);

    const skipped = items.filter((i) => i.decision === 'skip');
    await (await this.skipMemory()).update(skipped, kept, this.ctx.nowIso());
    const keptIds = [...new Set(kept.flatMap((i) => paperOf.get(i.index) ?? []))];
    const summary: TriageSummary = {
      ...session.summary,
      counts: triageCounts(items),
      finishedAt: this.ctx.nowIso(),
      keptIds,
    };
    await this.sessions.save(id, { ...session, summary });
    const titles = new Map(kept.map((i) => [paperOf.get(i.index), i.title]));
    return {
      keptIds,
      kept: keptIds.map((id) => ({ id, title: titles.get(id) ?? id })),
      added,
      skipped: skipped.length,
    };
  }

  /** Take a new version's abstract into the library's paper; highlights follow their text, or are listed as orphaned. */
  async acceptVersion(id: string, index: number): Promise<{ paperId: string; orphaned: string[] }> {
    const view = await this.open(id);
    const item = view.items.find((i) => i.index === index);
    if (!item || item.group !== 'new-version' || item.paperId === null || item.abstract === null)
      throw new LibraryError('invalid-request', `entry ${index + 1} of triage ${id} is not a new version of a paper`);
    const orphaned = await this.annotations.replaceAbstract(item.paperId, item.abstract, item.arxivVersion);
    return { paperId: item.paperId, orphaned };
  }

  /** Run after everything queued before it, whether that succeeded or not. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  history(): Promise<TriageSummary[]> {
    return this.sessions.summaries();
  }

  async watchList(): Promise<WatchList> {
    return (await this.watchDb()).data.watch;
  }

  async setWatchList(watch: WatchList): Promise<WatchList> {
    const db = await this.watchDb();
    await mkdir(path.join(this.ctx.store.dir, TRIAGE_DIR), { recursive: true });
    db.data = { version: 1, watch };
    await db.write();
    return watch;
  }

  private async watchDb(): Promise<Low<z.output<typeof WatchFileSchema>>> {
    const file = new ValidatedJsonFile(path.join(this.ctx.store.dir, TRIAGE_DIR, 'watch.json'), WatchFileSchema);
    const db = new Low(file, { version: 1 as const, watch: EMPTY_WATCH_LIST });
    await db.read();
    return db;
  }

  private skipMemory(): Promise<SkipMemory> {
    this.skips ??= SkipMemory.open(this.ctx.store.dir);
    return this.skips;
  }

  private async parse(source: TriageSource): Promise<{ entries: readonly ParsedEntry[]; label: string }> {
    const parsed = await this.parser({
      text: source.text,
      format: source.format,
      fileName: source.fileName,
      html: source.html,
      today: this.ctx.deps.now(),
    });
    const label = parsed.digest?.label ?? parsed.format;
    return { entries: parsed.entries, label };
  }

  /** Each entry with its group and decision; entries the digest lists twice appear once. */
  private async items(entries: readonly ParsedEntry[], session: SessionFile): Promise<TriageItem[]> {
    const plan = await planImport(this.ctx, entries, []);
    const skips = await this.skipMemory();
    const out: TriageItem[] = [];
    for (const [index, entry] of entries.entries()) {
      const planned = plan.items[index];
      if (planned?.repeatOf !== null && planned?.repeatOf !== undefined) continue;
      const paperId = planned?.paperId ?? null;
      const record = paperId ? await this.ctx.store.getRecord(paperId) : undefined;
      const content = paperId ? await this.ctx.store.getContent(paperId) : null;
      const key = String(index);
      const decision = Object.hasOwn(session.decisions, key) ? session.decisions[key] : undefined;
      out.push(
        triageItem(
          index,
          entry,
          {
            planned,
            libraryAbstract: content?.abstract ?? null,
            libraryVersion: record?.arxivVersion ?? null,
            skippedBefore: skips.has(entry),
          },
          decision,
        ),
      );
    }
    return out;
  }

  /** Of these papers, those still in the Inbox: keeping a paper the user already reads does not move it back. */
  private async onlyUnread(ids: readonly string[]): Promise<string[]> {
    const out: string[] = [];
    for (const id of ids) if ((await this.ctx.store.getRecord(id))?.status === 'inbox') out.push(id);
    return out;
  }
}

/** Kept papers by quick tag: one bulk edit per tag. */
function tagGroups(kept: readonly TriageItem[], paperOf: ReadonlyMap<number, string>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const item of kept) {
    const id = paperOf.get(item.index);
    if (id === undefined) continue;
    for (const tag of item.tags) groups.set(tag, [...(groups.get(tag) ?? []), id]);
  }
  return groups;
}
