// The licences of what the app carries: every production dependency, found from package.json's "dependencies"
// through each package's own, as npm lays them out. Written at build time to out/licenses.json (the About dialog).
// Plain JS so the build script imports it as it is; tsc checks it (checkJs).
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** @typedef {{ readonly name: string, readonly version: string, readonly license: string }} PackageLicense */
/** @typedef {{ readonly name: string, readonly version: string, readonly license: string, readonly packages: PackageLicense[] }} Licenses */

/**
 * @param {string} root the project folder (its package.json and node_modules)
 * @returns {Promise<Licenses>}
 */
export async function collectLicenses(root) {
  const app = await readManifest(path.join(root, 'package.json'));
  /** @type {Map<string, PackageLicense>} */
  const found = new Map();
  /** @type {Array<{ name: string, from: string }>} */
  const queue = Object.keys(app.dependencies).map((name) => ({ name, from: root }));
  for (let next = queue.shift(); next; next = queue.shift()) {
    const dir = await packageDir(next.name, next.from, root);
    if (dir === null || found.has(dir)) continue;
    const manifest = await readManifest(path.join(dir, 'package.json'));
    found.set(dir, { name: manifest.name || next.name, version: manifest.version, license: manifest.license });
    for (const name of Object.keys(manifest.dependencies)) queue.push({ name, from: dir });
  }
  /** @type {Map<string, PackageLicense>} */
  const unique = new Map([...found.values()].map((p) => [`${p.name}@${p.version}`, p]));
  const packages = [...unique.values()].sort((a, b) =>
    a.name === b.name ? (a.version < b.version ? -1 : 1) : a.name < b.name ? -1 : 1,
  );
  return { name: app.name, version: app.version, license: app.license, packages };
}

/**
 * Where Node would find `name` from `from`: the nearest node_modules up to the project folder.
 * @param {string} name
 * @param {string} from
 * @param {string} root
 * @returns {Promise<string | null>}
 */
async function packageDir(name, from, root) {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (await isFile(path.join(candidate, 'package.json'))) return candidate;
    if (dir === root || path.dirname(dir) === dir) return null;
  }
}

/**
 * A package.json's name, version, licence (SPDX expression, the old `{ type }` form, or `licenses: [...]`) and
 * dependencies; anything else it holds is ignored.
 * @param {string} file
 * @returns {Promise<{ name: string, version: string, license: string, dependencies: Record<string, unknown> }>}
 */
async function readManifest(file) {
  /** @type {unknown} */
  const parsed = JSON.parse(await readFile(file, 'utf8'));
  const pkg = typeof parsed === 'object' && parsed !== null ? /** @type {Record<string, unknown>} */ (parsed) : {};
  const text = (/** @type {unknown} */ value) => (typeof value === 'string' ? value : '');
  const typeOf = (/** @type {unknown} */ value) =>
    typeof value === 'object' && value !== null ? text(/** @type {Record<string, unknown>} */ (value).type) : '';
  const license =
    text(pkg.license) ||
    typeOf(pkg.license) ||
    (Array.isArray(pkg.licenses) ? pkg.licenses.map(typeOf).filter(Boolean).join(' OR ') : '') ||
    'not stated';
  const dependencies =
    typeof pkg.dependencies === 'object' && pkg.dependencies !== null
      ? /** @type {Record<string, unknown>} */ (pkg.dependencies)
      : {};
  return { name: text(pkg.name), version: text(pkg.version), license, dependencies };
}

/** @param {string} file */
async function isFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
