import { Ajv } from 'ajv';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SCHEMA = path.join(ROOT, 'node_modules/app-builder-lib/scheme.json');

/** The parts of the configuration the checks read; the schema checks the rest. */
interface BuilderConfig {
  readonly directories: { readonly buildResources: string; readonly output: string };
  readonly files: readonly string[];
  readonly asar: boolean;
  readonly asarUnpack: readonly string[];
  readonly afterPack: string;
  readonly fileAssociations: readonly { readonly ext: string }[];
  readonly protocols: readonly { readonly schemes: readonly string[] }[];
  readonly mac: { readonly icon: string; readonly category: string; readonly target: unknown };
  readonly win: { readonly icon: string; readonly target: readonly string[] };
  readonly linux: {
    readonly icon: string;
    readonly category: string;
    readonly target: readonly string[];
    readonly desktop: { readonly entry: { readonly Categories: string } };
  };
}

async function loadConfig(): Promise<{ raw: unknown; config: BuilderConfig }> {
  const raw: unknown = parse(await readFile(path.join(ROOT, 'electron-builder.yml'), 'utf8'));
  // Safe once the schema test below passes; the other tests only read the fields named in BuilderConfig.
  return { raw, config: raw as BuilderConfig };
}

/** electron-builder's file-pattern rule: the last pattern that matches decides, a `!` pattern excludes. */
function packed(files: readonly string[], file: string): boolean {
  let included = false;
  for (const pattern of files) {
    const negated = pattern.startsWith('!');
    if (path.matchesGlob(file, negated ? pattern.slice(1) : pattern)) included = !negated;
  }
  return included;
}

/** An icon path as electron-builder resolves it: in the build resources first, else from the project. */
function iconPath(config: BuilderConfig, icon: string): string {
  const inResources = path.join(ROOT, config.directories.buildResources, icon);
  return existsSync(inResources) ? inResources : path.join(ROOT, icon);
}

describe('electron-builder.yml', () => {
  it('is valid against the schema electron-builder ships', async () => {
    const { raw } = await loadConfig();
    const schema: unknown = JSON.parse(await readFile(SCHEMA, 'utf8'));
    // As electron-builder validates (strict off: its schema has a custom `typeof` keyword), but without type coercion.
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema as object);
    const valid = validate(raw);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
    // The validator is not vacuous: a misspelt key fails.
    expect(validate({ ...(raw as object), asarUnpacked: ['x'] })).toBe(false);
  });

  it('builds AppImage and deb, an x64 and an arm64 dmg, and an NSIS installer', async () => {
    const { config } = await loadConfig();
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.category).toBe('public.app-category.education');
    expect(config.linux.category).toBe('Education');
    expect(config.linux.desktop.entry.Categories).toBe('Education;Office;');
  });

  it('opens .bib, .ris and .pdf files and margin:// links', async () => {
    const { config } = await loadConfig();
    expect(config.fileAssociations.map((a) => a.ext).sort()).toEqual(['bib', 'pdf', 'ris']);
    expect(config.protocols.flatMap((p) => p.schemes)).toEqual(['margin']);
  });

  it('packs only built output, in an asar, unpacking only workers, what they load and native modules', async () => {
    const { config } = await loadConfig();
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual([
      'out/workers/**',
      'node_modules/pdfjs-dist/**',
      'node_modules/better-sqlite3/**',
      'node_modules/bindings/**',
      'node_modules/file-uri-to-path/**',
      '**/*.node',
    ]);
    // What the search worker loads as packages is all unpacked beside it: better-sqlite3 and its own dependencies.
    for (const name of ['better-sqlite3', 'bindings', 'file-uri-to-path'])
      expect(config.asarUnpack, name).toContain(`node_modules/${name}/**`);
    for (const file of [
      'out/main/main.js',
      'out/preload/preload.cjs',
      'out/renderer/index.html',
      'out/workers/search-worker.js',
      'out/cli/margin.js',
      'package.json',
    ])
      expect(packed(config.files, file), file).toBe(true);
    for (const file of [
      'electron/main/main.ts',
      'renderer/src/main.tsx',
      'shared/ipc/contract.ts',
      'tests/unit/main/ipc.test.ts',
      'scripts/build.mjs',
      'out/main/main.js.map',
      'out/renderer/assets/index.js.map',
      'out/bench/bench.js',
      'out/fixtures/digest-accuracy.js',
      'docs/house-style.md',
      'electron-builder.yml',
    ])
      expect(packed(config.files, file), file).toBe(false);
  });

  it('names only files that exist: build resources, icons, the afterPack hook', async () => {
    const { config } = await loadConfig();
    expect(existsSync(path.join(ROOT, config.directories.buildResources))).toBe(true);
    expect(existsSync(path.join(ROOT, config.afterPack))).toBe(true);
    expect(existsSync(iconPath(config, config.mac.icon))).toBe(true);
    expect(existsSync(iconPath(config, config.win.icon))).toBe(true);
    // Linux takes a folder of PNGs named by size (512x512.png): electron-builder reads the size from the name.
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024])
      expect(existsSync(path.join(iconPath(config, config.linux.icon), `${size}x${size}.png`)), `${size}`).toBe(true);
  });
});
