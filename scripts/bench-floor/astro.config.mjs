// @ts-check
/**
 * The page-stage floor of `npm run bench -- --compare`: a minimal Astro site of FLOOR_PAGES
 * pages, each with one Observable Plot chart drawn on the server, built by plain `astro build`
 * with the settings Podium's own pages use (directory format, four pages in flight).
 */
import { defineConfig } from 'astro/config';

process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

export default defineConfig({
  output: 'static',
  outDir: process.env.FLOOR_OUT_DIR || 'dist',
  build: { format: 'directory', concurrency: 4 },
  trailingSlash: 'always',
  devToolbar: { enabled: false },
  vite: { cacheDir: process.env.FLOOR_VITE_CACHE_DIR || 'node_modules/.vite' },
});
