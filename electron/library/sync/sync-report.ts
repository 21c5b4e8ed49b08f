/** What a library merge tells: per paper, what it settled and what it kept aside. */
import type { Superseded } from './merge-values.js';

export interface PaperMergeReport {
  readonly id: string;
  readonly title: string;
  /** Fields both sides changed: the later edit kept, the other value here. */
  readonly superseded: readonly Superseded[];
  /** Places in the note where both sides changed the same lines (both kept, between conflict markers). */
  readonly noteConflicts: number;
  /** Highlights deleted on one side and edited on the other: kept. */
  readonly keptOverDeletion: readonly string[];
  /** The paper came back: trashed on one side and edited on the other, or deleted on one and edited on the other. */
  readonly restored: 'from-trash' | 'from-deletion' | null;
}

export interface LibraryMergeReport {
  /** Papers changed on both sides, by id order. */
  readonly papers: readonly PaperMergeReport[];
  /** The other synced sets (saved searches, triage memory): values both sides changed. */
  readonly other: readonly Superseded[];
}
