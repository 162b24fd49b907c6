/**
 * One build for both pages the API serves: the explorer (index.html, on `/`
 * and its client-side routes) and the GraphQL IDE (ide/index.html, on
 * `GET /graphql`). Everything is bundled here so the browser never needs a CDN.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // Absolute asset URLs: the IDE page lives at /graphql, the explorer at any depth.
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  // Monaco's language workers are ES modules.
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // GraphiQL with Monaco is large by nature; the server sends it with a year-long cache.
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      onwarn(warning, warn) {
        // Libraries' "use client" lines mean nothing outside React Server Components.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      input: {
        explorer: `${root}index.html`,
        ide: `${root}ide/index.html`,
      },
    },
  },
  server: {
    // `npx vite --config web/vite.config.mts` for live editing against `npm run dev` on port 4000.
    proxy: { '/graphql': 'http://127.0.0.1:4000' },
    fs: { allow: ['..'] },
  },
});
