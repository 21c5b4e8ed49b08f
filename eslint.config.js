// Lint: the layer rules of docs/house-style.md, enforced instead of remembered, and a few rules that catch
// real mistakes. `npm run lint`; .ci/run runs it before the tests.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const PROJECTS = ['./tsconfig.shared.json', './tsconfig.node.json', './tsconfig.web.json', './tsconfig.e2e.json'];
const ELECTRON_MESSAGE = 'only electron/main and electron/preload import electron (docs/house-style.md, layer rules)';

/** `no-restricted-imports` for what a layer must not import: the `electron` package, and folders of ours. */
const never = (...groups) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'electron', message: ELECTRON_MESSAGE }],
      patterns: groups.map(([group, message]) => ({ group, message })),
    },
  ],
});

const EDGES = [
  ['**/electron/main/**', '**/main/*', '**/host/*', '**/cli/*', '**/cli/**'],
  'the library core never imports main, the HTTP host or the CLI',
];
const MAIN = [['**/electron/main/**', '**/main/*'], 'only main itself imports main'];
const NOT_SHARED = [
  ['**/electron/**', '**/renderer/**', '../electron/*', '../renderer/*'],
  'shared/ imports nothing of ours outside shared/',
];
const NOT_ELECTRON_TREE = [['**/electron/**'], 'the renderer imports only shared/ and its own code'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'tests/fixtures/**', 'tests/e2e/screenshots/**', '**/*.d.ts'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    // Type-aware: the rules below need the type checker (the four projects of `tsc -b`, so lint sees the same strict options).
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { project: PROJECTS, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/await-thenable': 'error',
      'no-debugger': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  { files: ['shared/**/*.ts'], rules: never(NOT_SHARED) },
  { files: ['electron/library/**/*.ts', 'electron/workers/**/*.ts'], rules: never(EDGES) },
  { files: ['electron/host/**/*.ts', 'electron/cli/**/*.ts'], rules: never(MAIN) },
  { files: ['renderer/**/*.ts', 'renderer/**/*.tsx'], rules: never(NOT_ELECTRON_TREE) },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts', 'tests/unit/renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
);
