import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../shared/models/sync.js';
import { syncStatusLine } from './sync-status-line.js';

const now = new Date('2026-11-27T12:00:00.000Z');
const status = (patch: Partial<SyncStatus>): SyncStatus => ({
  remote: 'https://example.org/lib.git',
  running: false,
  last: null,
  error: null,
  ...patch,
});

describe('syncStatusLine', () => {
  it('says when the last sync was and what it moved', () => {
    const last = { at: '2026-11-27T11:58:00.000Z', result: 'merged' as const, sent: 3, received: 5 };
    expect(syncStatusLine(status({ last }), false, now)).toBe('Synced 2 min ago · 3 changes sent, 5 received');
    expect(syncStatusLine(status({ last: { ...last, sent: 1, at: now.toISOString() } }), false, now)).toBe(
      'Synced just now · 1 change sent, 5 received',
    );
    expect(syncStatusLine(status({ last: { ...last, sent: 0, received: 0 } }), false, now)).toBe(
      'Synced 2 min ago · nothing new',
    );
    expect(syncStatusLine(status({ last: { ...last, at: '2026-11-27T09:00:00.000Z' } }), false, now)).toMatch(
      /^Synced 3 h ago/,
    );
  });

  it('puts an error, a sync under way and a library never synced in words', () => {
    const last = { at: '2026-11-27T11:58:00.000Z', result: 'pushed' as const, sent: 1, received: 0 };
    expect(syncStatusLine(status({ last, error: { at: '', message: 'Push rejected: x' } }), false, now)).toBe(
      'Push rejected: x',
    );
    expect(syncStatusLine(status({ last }), true, now)).toBe('Syncing…');
    expect(syncStatusLine(status({}), false, now)).toBe('Not synced yet');
    expect(syncStatusLine(status({ remote: null }), false, now)).toBe('');
    expect(syncStatusLine(null, false, now)).toBe('');
  });
});
