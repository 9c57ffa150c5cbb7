/**
 * The compiled renderer (src/render/) against Astro's own static build, which it replaces in
 * every data build: the same model must give the same site, byte for byte. And a cached
 * renderer that is damaged, half written or made for other code is compiled again, never used.
 */
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, renderWithAstro } from '../../src/pipeline/build.ts';
import { compiledRenderer, isWhole, PROJECT_ROOT, rendererKey } from '../../src/render/compile.ts';
import { renderCompiled, startRenderWorkers } from '../../src/render/render.ts';
import { SHARD_ENV } from '../../src/site/model.ts';
import { copyFixture, FIXTURES, tempDir } from '../support/fixture.ts';
import { listFiles } from '../support/sites.ts';

const SLOW = 600_000;

/** A fixture competition exported for `base`: its model and public files. */
async function exportedModel(fixture: string, base: string) {
  const report = await buildSite({ dataDir: copyFixture(fixture), outDir: path.join(tempDir('out'), 'site'), base, modelOnly: true });
  return { modelDir: report.modelDir, publicDir: path.join(report.modelDir, '..', 'public') };
}

/** The hand-written internal edition whose names and sources are hostile strings, with no public files. */
function handWrittenModel() {
  const publicDir = tempDir('public');
  return { modelDir: path.join(FIXTURES, 'site-model'), publicDir };
}

describe('the compiled renderer', () => {
  const cases = [
    { name: 'the ranks fixture under /podium/2025/', base: '/podium/2025/', model: () => exportedModel('ranks', '/podium/2025/') },
    { name: 'the hand-written hostile model under /', base: '/', model: async () => handWrittenModel() },
  ];
  for (const { name, base, model } of cases) {
    it(
      `renders what astro build renders, byte for byte: ${name}`,
      async () => {
        const { modelDir, publicDir } = await model();
        const work = tempDir('render');
        const [astro, compiled] = [path.join(work, 'astro'), path.join(work, 'compiled')];
        await renderWithAstro(modelDir, publicDir, astro, base);
        await renderCompiled(modelDir, publicDir, compiled, base);
        const files = listFiles(astro);
        expect(listFiles(compiled)).toEqual(files);
        // Every kind of route is there: fixed pages, the error page, pages listed by
        // getStaticPaths with params only (units, staff) and with props (notices), and assets.
        expect(files).toEqual(expect.arrayContaining(['index.html', '404.html', 'findings/index.html']));
        for (const kind of ['units/', 'staff/', 'rankings/', 'notices/']) {
          expect(files.some((file) => file.startsWith(kind) && file.endsWith('/index.html') && file !== `${kind}index.html`), kind).toBe(true);
        }
        // The production client bundle (React's minified build), although vitest sets NODE_ENV=test.
        const clientScripts = files.filter((file) => file.startsWith('_astro/') && file.endsWith('.js'));
        expect(clientScripts.length).toBeGreaterThan(0);
        // (The compare script is plain code: only the React islands' bundle carries React.)
        expect(clientScripts.some((file) => readFileSync(path.join(compiled, file), 'utf8').includes('Minified React error'))).toBe(true);
        const differing = files.filter((file) => !readFileSync(path.join(compiled, file)).equals(readFileSync(path.join(astro, file))));
        expect(differing).toEqual([]);
        expect(readFileSync(path.join(compiled, 'index.html'), 'utf8')).toContain(`href="${base}findings/"`);
      },
      SLOW,
    );
  }
});

describe('a page that fails to render', () => {
  it('fails the render, naming the page and the cause', async () => {
    const modelDir = tempDir('model');
    cpSync(path.join(FIXTURES, 'site-model'), modelDir, { recursive: true });
    unlinkSync(path.join(modelDir, 'units', 'O1.json'));
    const outcome = renderCompiled(modelDir, tempDir('public'), path.join(tempDir('render'), 'site'), '/');
    await expect(outcome).rejects.toThrow(/the page \/units\/O1\/ \(src\/pages\/units\/\[id\]\.astro\) rendered with status 500, expected 200[\s\S]*ENOENT[\s\S]*O1\.json/);
  });
});

describe('the pages a render writes', () => {
  it('are all of them, even with a share variable of the reference build left in the environment', async () => {
    const { modelDir, publicDir } = handWrittenModel();
    const whole = path.join(tempDir('render'), 'site');
    await renderCompiled(modelDir, publicDir, whole, '/');
    const shared = path.join(tempDir('render'), 'site');
    process.env[SHARD_ENV] = '1/2';
    try {
      await renderCompiled(modelDir, publicDir, shared, '/');
    } finally {
      delete process.env[SHARD_ENV];
    }
    expect(listFiles(shared)).toEqual(listFiles(whole));
  });
});

describe('render workers started before the model is written', () => {
  it('load the renderer first, then render the model written meanwhile: the same site; unneeded ones are stopped', async () => {
    const { modelDir: written, publicDir } = handWrittenModel();
    const whole = path.join(tempDir('render'), 'site');
    await renderCompiled(written, publicDir, whole, '/');
    // Started on a folder that does not exist yet, as the build starts them before its export.
    const modelDir = path.join(tempDir('later'), 'model');
    const started = startRenderWorkers(modelDir, '/');
    expect(started).not.toBeNull();
    cpSync(written, modelDir, { recursive: true });
    const early = path.join(tempDir('render'), 'site');
    await renderCompiled(modelDir, publicDir, early, '/', undefined, undefined, started);
    const files = listFiles(whole);
    expect(listFiles(early)).toEqual(files);
    expect(files.filter((file) => !readFileSync(path.join(early, file)).equals(readFileSync(path.join(whole, file))))).toEqual([]);
    // Stopped without a share (a build refused before its render): the workers end, nothing is written.
    const unused = startRenderWorkers(modelDir, '/')!;
    unused.stop();
    // Workers started for another model are not used for this one.
    const elsewhere = startRenderWorkers(path.join(tempDir('other'), 'model'), '/')!;
    const own = path.join(tempDir('render'), 'site');
    await renderCompiled(modelDir, publicDir, own, '/', undefined, undefined, elsewhere);
    expect(listFiles(own)).toEqual(files);
  });
});

describe('a stopped render', () => {
  it('stops its workers and rejects with the reason', async () => {
    const { modelDir, publicDir } = handWrittenModel();
    const pages = (site: string) => listFiles(site).filter((file) => file.endsWith('.html')).length;
    const whole = path.join(tempDir('render'), 'site');
    await renderCompiled(modelDir, publicDir, whole, '/');
    const stopped = path.join(tempDir('render'), 'site');
    const stop = new AbortController();
    const outcome = renderCompiled(modelDir, publicDir, stopped, '/', stop.signal);
    // Stopped once the workers have written their first page, so they are surely running.
    const watch = setInterval(() => {
      if (existsSync(stopped) && pages(stopped) > 0) stop.abort(new Error('stopped by the test'));
    }, 2);
    outcome.catch(() => undefined).finally(() => clearInterval(watch));
    await expect(outcome).rejects.toThrow('stopped by the test');
    expect(pages(stopped)).toBeLessThan(pages(whole));
  });
});

describe('the renderer cache', () => {
  // Its own cache inside the project (a renderer's imports resolve the project's node_modules),
  // so damaging it cannot disturb the builds of the other tests.
  const cacheRoot = path.join(PROJECT_ROOT, 'node_modules', '.cache', `podium-renderer-test-${process.pid}`);
  const key = rendererKey('/');
  const dir = path.join(cacheRoot, key);
  const manifestFile = path.join(dir, 'podium-renderer.json');
  let original: Record<string, string>;
  let chunk: string;

  beforeAll(async () => {
    await compiledRenderer('/', { cacheRoot });
    original = JSON.parse(readFileSync(manifestFile, 'utf8')).files;
    chunk = Object.keys(original).find((file) => file.startsWith('server/chunks/'))!;
  }, SLOW);
  afterAll(() => rmSync(cacheRoot, { recursive: true, force: true }));

  /** Runs `damage`, checks the folder is refused, and puts back the manifest and `chunk` for the next case. */
  function refusedAfter(damage: () => void): boolean {
    const manifest = readFileSync(manifestFile);
    const chunkText = readFileSync(path.join(dir, chunk));
    damage();
    const refused = !isWhole(dir, key);
    writeFileSync(manifestFile, manifest);
    writeFileSync(path.join(dir, chunk), chunkText);
    for (const stray of readdirSync(dir).filter((name) => name.startsWith('stray'))) unlinkSync(path.join(dir, stray));
    return refused;
  }

  it('keys the renderer by the code and the base', () => {
    expect(rendererKey('/podium/')).not.toBe(key);
    expect(rendererKey('/')).toBe(key);
    expect(isWhole(dir, key)).toBe(true);
  });

  it('reuses a whole renderer without compiling', async () => {
    const before = statSync(manifestFile).mtimeMs;
    await compiledRenderer('/', { cacheRoot });
    expect(statSync(manifestFile).mtimeMs).toBe(before);
  });

  it('refuses a renderer with an edited, missing or extra file, a foreign key or no manifest', () => {
    expect(refusedAfter(() => appendFileSync(path.join(dir, chunk), '\n// edited'))).toBe(true);
    expect(refusedAfter(() => unlinkSync(path.join(dir, chunk)))).toBe(true);
    expect(refusedAfter(() => writeFileSync(path.join(dir, 'stray.mjs'), 'export {};'))).toBe(true);
    expect(refusedAfter(() => writeFileSync(manifestFile, JSON.stringify({ key: rendererKey('/other/'), files: original })))).toBe(true);
    expect(refusedAfter(() => writeFileSync(manifestFile, '{"key":'))).toBe(true);
    expect(refusedAfter(() => unlinkSync(manifestFile))).toBe(true);
    expect(isWhole(dir, key)).toBe(true);
  });

  it(
    'compiles a damaged renderer again instead of using it',
    async () => {
      const before = statSync(manifestFile).mtimeMs;
      const intact = readFileSync(path.join(dir, chunk));
      writeFileSync(path.join(dir, chunk), 'throw new Error("damaged");');
      await compiledRenderer('/', { cacheRoot });
      expect(statSync(manifestFile).mtimeMs).not.toBe(before);
      expect(isWhole(dir, key)).toBe(true);
      expect(readFileSync(path.join(dir, chunk)).equals(intact)).toBe(true);
    },
    SLOW,
  );
});
