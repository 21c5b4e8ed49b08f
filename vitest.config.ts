import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Citation styles are imported as text, as the build's esbuild loader does (scripts/build.mjs).
  plugins: [
    {
      name: 'csl-as-text',
      transform: (code, id) => (id.endsWith('.csl') ? `export default ${JSON.stringify(code)};` : undefined),
    },
  ],
  test: {
    // Renderer tests live beside the feature they test (renderer/src/<feature>/*.test.tsx).
    include: ['tests/**/*.test.ts', 'renderer/src/**/*.test.ts', 'renderer/src/**/*.test.tsx'],
    // 2 cores: crash and end-to-end suites spawn processes of their own, so keep the pool small.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The end-to-end tests poll the UI; give a slow CI machine room before calling it a failure.
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
});
