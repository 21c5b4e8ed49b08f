// Child process for the crash test: makes confirmed edits in a loop until it is killed.
// After each edit returns (durable by contract) it prints one line naming what it confirmed.
import { Library } from '../../electron/library/library.js';

const [dir, seedText] = process.argv.slice(2);
if (!dir || seedText === undefined) throw new Error('usage: crash-writer <library> <seed>');
const seed = Number(seedText);
const library = await Library.open({ dir, mode: 'write', holder: 'crash-writer' });
const ids = (await library.papers.records()).map((r) => r.id);
for (let n = 0; ; n++) {
  const tag = `s${seed}e${n}`;
  if (n % 5 === 4) {
    const report = await library.imports.run({
      text: `Crash Paper ${tag} Title\n\nAn abstract for crash paper ${tag}, written as a sentence.`,
      format: 'digest',
      fileName: null,
      tags: [tag],
      dryRun: false,
    });
    process.stdout.write(`import ${report.ids[0]} ${tag}\n`);
  } else {
    const id = ids[(seed * 31 + n * 7) % ids.length] ?? '';
    await library.papers.addTags(id, [tag]);
    process.stdout.write(`tag ${id} ${tag}\n`);
  }
}
