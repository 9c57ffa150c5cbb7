// @ts-check
/**
 * The adapter of the compiled renderer (src/render/compile.ts): Astro builds the site as a
 * server bundle whose entry (src/render/entry.ts) lists and renders pages on request, so a data
 * build only renders and never runs Vite.
 * @returns {import('astro').AstroIntegration}
 */
export function podiumRenderer() {
  return {
    name: 'podium:renderer',
    hooks: {
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: 'podium:renderer',
          serverEntrypoint: new URL('./entry.ts', import.meta.url),
          exports: ['preload', 'pagePaths', 'renderPage'],
          supportedAstroFeatures: { serverOutput: 'stable', staticOutput: 'stable', hybridOutput: 'stable' },
        });
      },
    },
  };
}
