/** A bioRxiv or medRxiv alert email (filled in from real alerts). */
import type { DigestReader } from './reader.js';
import { SkippedLines } from './lines.js';

export const biorxivAlertReader: DigestReader = {
  source: 'biorxiv-alert',
  label: 'bioRxiv alert',
  score: () => 0,
  read(lines) {
    const skipped = new SkippedLines();
    skipped.addAll(lines);
    return { entries: [], skipped: skipped.result(), failures: [], detail: '' };
  },
};
