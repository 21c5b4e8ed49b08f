// `npm run digest-accuracy [dir]`: how many papers of real digests Margin reads exactly, per source.
// By default it reads the held-out samples (tests/fixtures/digests-holdout), which no test contains.
import path from 'node:path';
import { loadDigestFixtures, scoreFixture } from './digest-fixtures.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'tests/fixtures/digests-holdout');
const fixtures = loadDigestFixtures(dir);
const bySource = new Map<string, { expected: number; exact: number; junk: number; files: number }>();
for (const fixture of fixtures) {
  const score = scoreFixture(fixture);
  const total = bySource.get(fixture.source) ?? { expected: 0, exact: 0, junk: 0, files: 0 };
  bySource.set(fixture.source, { expected: total.expected + score.expected, exact: total.exact + score.exact, junk: total.junk + score.junk, files: total.files + 1 });
  if (verbose || score.misses.length > 0) {
    console.log(`${score.name}: ${score.exact}/${score.expected} exact, ${score.junk} junk`);
    for (const miss of score.misses) console.log(`  - ${miss}`);
  }
}
console.log(`\nsource           files  papers  exact   junk`);
for (const [source, t] of [...bySource].sort()) {
  const pct = t.expected === 0 ? 100 : (100 * t.exact) / t.expected;
  console.log(`${source.padEnd(16)} ${String(t.files).padStart(5)} ${String(t.expected).padStart(7)} ${pct.toFixed(1).padStart(5)}% ${String(t.junk).padStart(6)}`);
}
