/**
 * One build for both pages the API serves: the explorer (index.html, on `/`
 * and its client-side routes) and the GraphQL IDE (ide/index.html, on
 * `GET /graphql`). Everything is bundled here so the browser never needs a CDN.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Writes `name.gz` beside every compressible asset, which src/web.ts sends to
 * browsers that accept gzip: the IDE's editor is megabytes of JavaScript, and
 * compressing once at build time costs the server nothing per request.
 */
function precompressAssets(): Plugin {
  return {
    name: 'newsgraph:precompress-assets',
    apply: 'build',
    closeBundle() {
      const assets = path.join(root, 'dist', 'assets');
      for (const name of fs.readdirSync(assets)) {
        if (!/\.(js|css|svg|ttf|json)$/.test(name)) continue;
        const file = path.join(assets, name);
        const content = fs.readFileSync(file);
        if (content.length < 1024) continue;
        fs.writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root,
  // Absolute asset URLs: the IDE page lives at /graphql, the explorer at any depth.
  base: '/',
  publicDir: false,
  plugins: [precompressAssets()],
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
