// @ts-check
/**
 * Astro renders the site model (PODIUM_MODEL_DIR, read by src/site/model.ts) into static pages.
 * `npm run build` calls Astro's build() with inline outDir/publicDir/base, which override the
 * values here; PODIUM_OUT_DIR and PODIUM_BASE serve a plain `npx astro build`.
 */
import { rm } from 'node:fs/promises';
import { defineConfig, passthroughImageService } from 'astro/config';
import react from '@astrojs/react';
import { podiumRenderer } from './src/render/adapter.mjs';

// Sites are built on air-gapped intranets: the build must never try to reach the network.
// Astro reads this variable when it records a build, which happens after this file is loaded.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

/**
 * Astro leaves two empty content-collection modules in an outDir outside the working directory
 * (withastro/astro#14903), e.g. `npm run build -- --out /srv/site`; nothing loads them.
 * @type {import('astro').AstroIntegration}
 */
const dropStrayModules = {
  name: 'podium:drop-stray-modules',
  hooks: {
    'astro:build:done': async ({ dir }) => {
      for (const file of ['content-assets.mjs', 'content-modules.mjs']) await rm(new URL(file, dir), { force: true });
    },
  },
};

// Set when src/render/compile.ts builds the renderer: a server bundle whose pages are rendered
// later, by each data build, instead of static pages now.
const rendererOutDir = process.env.PODIUM_RENDERER_OUT_DIR;

export default defineConfig({
  output: rendererOutDir ? 'server' : 'static',
  adapter: rendererOutDir ? podiumRenderer() : undefined,
  outDir: rendererOutDir || process.env.PODIUM_OUT_DIR || 'dist',
  publicDir: process.env.PODIUM_PUBLIC_DIR || 'public',
  base: process.env.PODIUM_BASE || '/',
  // Every page is `<path>/index.html`, matching the model's `units/U01/` style paths.
  // Several pages at once per process: each page waits on reading its model file and writing
  // its HTML, and overlapping those waits made rendering about a fifth faster.
  build: { format: 'directory', concurrency: 4 },
  trailingSlash: 'always',
  integrations: [react(), dropStrayModules],
  devToolbar: { enabled: false },
  // No images are optimised, so sharp is never loaded.
  image: { service: passthroughImageService() },
  // Each render process of `npm run build` optimises dependencies into its own cache: two
  // processes renaming into one shared `node_modules/.vite/deps` fail with ENOTEMPTY.
  vite: { cacheDir: process.env.PODIUM_VITE_CACHE_DIR || 'node_modules/.vite' },
});
