import { spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules of docs/house-style.md are lint rules: a violation added on purpose fails `npm run lint`.
// The files linted here are made up, so they belong to no tsconfig project: lint them without type information
// (and without the rules that need it), with every other rule as configured.
const TYPE_AWARE = [
  'no-floating-promises',
  'no-misused-promises',
  'no-unnecessary-type-assertion',
  'switch-exhaustiveness-check',
  'await-thenable',
];
const eslint = new ESLint({
  cwd: path.resolve(import.meta.dirname, '../../..'),
  overrideConfig: {
    languageOptions: { parserOptions: { project: null } },
    rules: Object.fromEntries(TYPE_AWARE.map((rule) => [`@typescript-eslint/${rule}`, 'off'])),
  },
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('layer rules', () => {
  it('refuse electron outside main and the preload', async () => {
    expect(
      await problems(
        'renderer/src/components/Evil.tsx',
        "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
      ),
    ).toEqual([expect.stringMatching(/no-restricted-imports: .*only electron\/main and electron\/preload/)]);
    expect(
      await problems('electron/library/evil.ts', "import { app } from 'electron';\nexport const x = app;\n"),
    ).toHaveLength(1);
    expect(await problems('electron/main/fine.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual(
      [],
    );
  });

  it('keep the core from the CLI, the host and main; the renderer and shared/ from electron/', async () => {
    expect(
      await problems(
        'electron/library/import/evil.ts',
        "import { runCli } from '../../cli/run-cli.js';\nexport const x = runCli;\n",
      ),
    ).toEqual([expect.stringMatching(/never imports main, the HTTP host or the CLI/)]);
    expect(
      await problems(
        'electron/library/evil.ts',
        "import { startHttpHost } from '../host/http-host.js';\nexport const x = startHttpHost;\n",
      ),
    ).toHaveLength(1);
    expect(
      await problems(
        'renderer/src/evil.ts',
        "import { Library } from '../../electron/library/library.js';\nexport const x = Library;\n",
      ),
    ).toEqual([expect.stringMatching(/imports only shared\//)]);
    expect(
      await problems(
        'shared/evil.ts',
        "import { Library } from '../electron/library/library.js';\nexport const x = Library;\n",
      ),
    ).toEqual([expect.stringMatching(/shared\/ imports nothing of ours/)]);
    expect(
      await problems(
        'renderer/src/fine.ts',
        "import { CHANNELS } from '../../shared/ipc/channels.js';\nexport const x = CHANNELS;\n",
      ),
    ).toEqual([]);
  });

  it('refuse `any`', async () => {
    expect(await problems('electron/library/evil.ts', 'export const x: any = 1;\n')).toEqual([
      expect.stringMatching(/no-explicit-any/),
    ]);
  });
});

/**
 * Lint a file as `npm run lint` does, in a process of its own. The type-aware rules read types from the
 * TypeScript program built from the files on disk, so the mistakes are written to a real file of the Node
 * project (under tests/, which the project includes), removed afterwards.
 */
async function lintFileAsCi(code: string): Promise<string[]> {
  const root = path.resolve(import.meta.dirname, '../../..');
  const file = path.join(import.meta.dirname, `careless-${process.pid}.probe.ts`);
  await writeFile(file, code);
  try {
    const bin = path.join(root, 'node_modules/eslint/bin/eslint.js');
    const child = spawn(process.execPath, [bin, '--format', 'json', file], { cwd: root });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await new Promise((resolve) => child.on('close', resolve));
    const results = JSON.parse(out) as Array<{ messages: Array<{ ruleId: string | null }> }>;
    return results.flatMap((r) => r.messages.map((m) => m.ruleId ?? 'parse'));
  } finally {
    await rm(file, { force: true });
  }
}

describe('type-aware rules', () => {
  it('refuse a floating promise and a non-exhaustive switch', async () => {
    const rules = await lintFileAsCi(`async function later(): Promise<void> {}
export function careless(kind: 'a' | 'b'): number {
  later();
  switch (kind) {
    case 'a':
      return 1;
  }
  return 0;
}
`);
    expect(rules).toContain('@typescript-eslint/no-floating-promises');
    expect(rules).toContain('@typescript-eslint/switch-exhaustiveness-check');
  }, 60_000);
});
