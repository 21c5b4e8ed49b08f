import type { PaperRecord } from '../../../shared/models/paper.js';
import { baseCitationKey, uniqueCitationKey } from './citation-key.js';

/** The library's citation keys, so each new one is unique (compared case-insensitively, as BibTeX does). */
export class CitationKeys {
  private readonly taken = new Set<string>();
  private readonly owner = new Map<string, string>();

  constructor(records: Iterable<PaperRecord>) {
    for (const r of records) if (r.citationKey) this.claim(r.citationKey, r.id);
  }

  /** The record with a key: its own if it has one no other paper uses, else a new `authorYearWord[a-z]`. */
  assign(record: PaperRecord): PaperRecord {
    const own = record.citationKey;
    if (own && (this.owner.get(own.toLowerCase()) ?? record.id) === record.id) {
      this.claim(own, record.id);
      return record;
    }
    const key = uniqueCitationKey(baseCitationKey(record), this.taken);
    this.claim(key, record.id);
    return { ...record, citationKey: key };
  }

  private claim(key: string, id: string): void {
    this.taken.add(key.toLowerCase());
    this.owner.set(key.toLowerCase(), id);
  }
}
