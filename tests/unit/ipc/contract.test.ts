import { describe, expect, it } from 'vitest';
import { CHANNELS, isChannel } from '../../../shared/ipc/channels.js';
import { CONTRACT } from '../../../shared/ipc/contract.js';
import { envelopeSchema } from '../../../shared/ipc/envelope.js';
import { z } from 'zod';

describe('the IPC contract', () => {
  it('names every channel once, and the preload list and the contract agree', () => {
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
    expect(Object.keys(CONTRACT).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });

  it('refuses extra fields and prototype-pollution keys in every request', () => {
    for (const channel of CHANNELS) {
      const withExtra = JSON.parse('{"__proto__": {"polluted": true}, "extra": 1}') as unknown;
      expect(CONTRACT[channel].request.safeParse(withExtra).success, channel).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts a well-formed request and checks ids, statuses and sizes', () => {
    const query = CONTRACT['papers:query'].request;
    expect(
      query.safeParse({ view: { kind: 'status', status: 'inbox' }, search: 'x', sort: 'added', offset: 0, limit: 50 })
        .success,
    ).toBe(true);
    expect(
      query.safeParse({ view: { kind: 'status', status: 'later' }, search: 'x', sort: 'added', offset: 0, limit: 50 })
        .success,
    ).toBe(false);
    expect(
      query.safeParse({ view: { kind: 'all' }, search: 'x'.repeat(5000), sort: 'added', offset: 0, limit: 50 }).success,
    ).toBe(false);
    expect(query.safeParse({ view: { kind: 'all' }, search: '', sort: 'added', offset: -1, limit: 50 }).success).toBe(
      false,
    );
    expect(CONTRACT['papers:get'].request.safeParse({ id: '../../etc/passwd' }).success).toBe(false);
    expect(CONTRACT['papers:addTags'].request.safeParse({ id: 'abcdef12', tags: [] }).success).toBe(false);
  });

  it('describes results as an envelope', () => {
    const schema = envelopeSchema(z.number());
    expect(schema.safeParse({ ok: true, data: 1 }).success).toBe(true);
    expect(schema.safeParse({ ok: false, error: { code: 'not-found', message: 'x' } }).success).toBe(true);
    expect(schema.safeParse({ ok: false, error: { code: 'oops', message: 'x' } }).success).toBe(false);
    expect(isChannel('papers:get')).toBe(true);
    expect(isChannel('constructor')).toBe(false);
  });
});
