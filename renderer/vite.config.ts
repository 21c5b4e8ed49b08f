import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY_META } from '../shared/security/csp.js';

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
  plugins: [
    {
      // The policy has one definition (shared/security/csp.ts); the page gets it as its first tag.
      name: 'margin-csp',
      transformIndexHtml: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META },
          injectTo: 'head-prepend',
        },
      ],
    },
  ],
});
