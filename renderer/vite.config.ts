import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The renderer: plain Vite (its built-in TSX transform is all React needs here).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // Keep every script a file: the CSP forbids inline script.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // A desktop app loads its bundle from disk: one larger chunk is fine.
    chunkSizeWarningLimit: 2000,
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
