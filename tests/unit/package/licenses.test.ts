import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectLicenses } from '../../../scripts/licenses.mjs';
import { tempDir } from '../../helpers/temp-dir.js';

async function pkg(dir: string, manifest: Record<string, unknown>): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'package.json'), JSON.stringify(manifest));
}

describe('the licences list the About dialog shows', () => {
  it('names every production dependency of this project with its licence, and no development tool', async () => {
    const about = await collectLicenses(process.cwd());
    expect(about.name).toBe('margin');
    const byName = new Map(about.packages.map((p) => [p.name, p]));
    expect(byName.get('lowdb')?.license).toBe('MIT');
    expect(byName.get('better-sqlite3')?.license).toBe('MIT');
    expect(byName.get('react')?.license).toBe('MIT');
    // A dependency of a dependency is carried too.
    expect(byName.get('steno')?.license).toBe('MIT');
    for (const devTool of ['vitest', 'typescript', 'eslint', 'electron-builder', 'playwright-core'])
      expect(byName.has(devTool), devTool).toBe(false);
    const names = about.packages.map((p) => p.name);
    expect(names).toEqual([...names].sort());
  });

  it('follows nested copies and reads every form a licence is stated in', async () => {
    const root = await tempDir();
    await pkg(root, { name: 'app', version: '1.0.0', dependencies: { a: '^1', b: '^1' } });
    await pkg(path.join(root, 'node_modules/a'), {
      name: 'a',
      version: '1.0.0',
      license: 'MIT',
      dependencies: { c: '^2' },
    });
    await pkg(path.join(root, 'node_modules/a/node_modules/c'), {
      name: 'c',
      version: '2.0.0',
      license: { type: 'ISC' },
    });
    await pkg(path.join(root, 'node_modules/b'), {
      name: 'b',
      version: '1.1.0',
      licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }],
      dependencies: { c: '^1', gone: '^1' },
    });
    await pkg(path.join(root, 'node_modules/c'), { name: 'c', version: '1.0.0' });
    const about = await collectLicenses(root);
    expect(about.packages).toEqual([
      { name: 'a', version: '1.0.0', license: 'MIT' },
      { name: 'b', version: '1.1.0', license: 'MIT OR Apache-2.0' },
      { name: 'c', version: '1.0.0', license: 'not stated' },
      { name: 'c', version: '2.0.0', license: 'ISC' },
    ]);
  });
});
