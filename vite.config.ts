import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompressAssets } from './scripts/precompress-assets.mjs';
import { preloadPageChunks } from './scripts/preload-page-chunks.mjs';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

// The SPA lives in src/web and builds into dist/web, which the server serves with an index.html fallback.
// In development the API runs separately on port 3000; proxying keeps cookies same-origin.
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  // The sign-in page is the first screen of every visit without a session: its chunks load beside the entry.
  plugins: [react(), preloadPageChunks(['features/auth/sign-in-page.tsx']), precompressAssets()],
  build: {
    outDir: `${repoRoot}dist/web`,
    // The previous build's assets stay (for an hour, scripts/precompress-assets.mjs): a page opened before a
    // rebuild loads its other pages' chunks by their old names, and would otherwise get 404s.
    emptyOutDir: false,
    // Written to disk for whoever debugs a production error, but not named in the scripts, so browsers never
    // ask for them; the server serves them only with COSELL_SERVE_SOURCE_MAPS=true.
    sourcemap: 'hidden',
    // dist/web/.vite/manifest.json: which chunks each page loads, read by the bundle-budget test.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything else is split by rolldown along the lazy routes (src/web/routes.tsx): a module goes in a
          // chunk with the others that the same pages use, so each page loads only what it uses. A group that
          // gathered all of Fluent or all libraries made every page load all of them (550 KB for Fluent alone).
          groups: [
            // React changes far less often than the app: its own chunks stay cached across deployments.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            { name: 'router', test: /node_modules[\\/]react-router[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
