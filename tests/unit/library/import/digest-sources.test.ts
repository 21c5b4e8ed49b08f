import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparable, loadDigestFixtures, readFixture } from '../../../../scripts/fixtures/digest-fixtures.js';

// Real digests from other people's repositories (tests/fixtures/digests/*/SOURCES.md says where each is from),
// with every paper as the digest shows it, read independently of Margin's code.
const fixtures = loadDigestFixtures(path.resolve(import.meta.dirname, '../../../fixtures/digests'));
/** The Hugging Face API's JSON is its own import format; everything else is a digest source. */
const SOURCE_NAMES: Readonly<Record<string, readonly string[]>> = { 'hf-page': ['hf-page', 'hf-json'] };

describe('real digests, by source', () => {
  it('has at least two samples of each source but bioRxiv (one real alert was to be found)', () => {
    const counts = new Map<string, number>();
    for (const f of fixtures) counts.set(f.source, (counts.get(f.source) ?? 0) + 1);
    for (const [source, count] of counts)
      expect(count, source).toBeGreaterThanOrEqual(source === 'biorxiv-alert' ? 1 : 2);
    expect([...counts.keys()].sort()).toEqual(expect.arrayContaining(['biorxiv-alert', 'hf-page', 'scholar-alert']));
  });

  for (const fixture of fixtures) {
    it(`${fixture.name}: every paper exactly as shown, and nothing else`, () => {
      const { entries, source } = readFixture(fixture);
      expect(SOURCE_NAMES[fixture.source] ?? [fixture.source]).toContain(source);
      expect(entries.map(comparable)).toEqual(fixture.expected.map(comparable));
    });
  }

  const withLinks = fixtures.filter((f) => f.html !== null && f.expected.some((p) => p.htmlArxivId));
  for (const fixture of withLinks) {
    it(`${fixture.name}: pasted with its HTML, every paper gets the arXiv id of the link under its title`, () => {
      const { entries } = readFixture(fixture, true);
      expect(entries.map((e) => [e.title, e.arxivId])).toEqual(
        fixture.expected.map((p) => [p.title, p.htmlArxivId ?? p.arxivId]),
      );
    });
  }
});
