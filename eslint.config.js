// Lint: the layer rules of docs/house-style.md, enforced instead of remembered, and a few rules that catch
// real mistakes. `npm run lint`; .ci/run runs it before the tests.
import tseslint from 'typescript-eslint';

const ELECTRON_MESSAGE = 'only electron/main and electron/preload import electron (docs/house-style.md, layer rules)';

/** `no-restricted-imports` for what a layer must not import: the `electron` package, and folders of ours. */
const never = (...groups) => ({
  'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: ELECTRON_MESSAGE }], patterns: groups.map(([group, message]) => ({ group, message })) }],
});

const EDGES = [['**/electron/main/**', '**/main/*', '**/host/*', '**/cli/*', '**/cli/**'], 'the library core never imports main, the HTTP host or the CLI'];
const MAIN = [['**/electron/main/**', '**/main/*'], 'only main itself imports main'];
const NOT_SHARED = [['**/electron/**', '**/renderer/**', '../electron/*', '../renderer/*'], 'shared/ imports nothing of ours outside shared/'];
const NOT_ELECTRON_TREE = [['**/electron/**'], 'the renderer imports only shared/ and its own code'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'tests/fixtures/**', 'tests/e2e/screenshots/**', '**/*.d.ts'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-debugger': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  { files: ['shared/**/*.ts'], rules: never(NOT_SHARED) },
  { files: ['electron/library/**/*.ts', 'electron/workers/**/*.ts'], rules: never(EDGES) },
  { files: ['electron/host/**/*.ts', 'electron/cli/**/*.ts'], rules: never(MAIN) },
  { files: ['renderer/**/*.ts', 'renderer/**/*.tsx'], rules: never(NOT_ELECTRON_TREE) },
);
