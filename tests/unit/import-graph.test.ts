/**
 * The import graph of src/: every `import … from '…'`, `export … from '…'` and `import('…')` of a
 * relative path, in TypeScript, .mjs and the frontmatter of .astro files. It has no cycle, and
 * imports run down the layers only (README, Architecture):
 *
 *   rulebook (src/config, src/rules, src/order.ts) ← site (src/site) ← pipeline (src/pipeline, src/render)
 *                                                                  ← pages (src/pages, src/components, src/layouts)
 *
 * Inside the rulebook, the config's atoms sit below the rule kinds and its schema above them; the
 * no-cycle rule is what keeps a kind from importing the schema that imports it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** What a file may import besides its own layer: the layers below it. */
const LAYERS = [
  { name: 'rulebook', dirs: ['src/config', 'src/rules', 'src/order.ts'], below: [] },
  { name: 'site', dirs: ['src/site'], below: ['rulebook'] },
  { name: 'pipeline', dirs: ['src/pipeline', 'src/render'], below: ['rulebook', 'site'] },
  { name: 'pages', dirs: ['src/pages', 'src/components', 'src/layouts'], below: ['rulebook', 'site'] },
] as const;

const layerOf = (file: string): string | undefined =>
  LAYERS.find((layer) => layer.dirs.some((dir) => file === dir || file.startsWith(`${dir}/`)))?.name;

/** The relative specifiers a module's text imports or re-exports, static or dynamic with a literal. */
function importedSpecifiers(text: string): string[] {
  const statement = /(?:^|[\n;}])\s*(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]*?\sfrom\s+)?(['"])([^'"]+)\1/g;
  const dynamic = /\bimport\(\s*(['"])([^'"]+)\1\s*\)/g;
  return [...text.matchAll(statement), ...text.matchAll(dynamic)].map((m) => m[2]!);
}

/** An .astro file's imports are in its frontmatter, between the first two `---` lines. */
const moduleText = (file: string, text: string): string => (file.endsWith('.astro') ? (/^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '') : text);

function importGraph(): Map<string, string[]> {
  const files = readdirSync(path.join(ROOT, 'src'), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts|mjs|astro)$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  return new Map(
    files.map((file) => [
      file,
      importedSpecifiers(moduleText(file, readFileSync(path.join(ROOT, file), 'utf8')))
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => path.posix.normalize(path.posix.join(path.posix.dirname(file), spec))),
    ]),
  );
}

/** Each cycle once, as the files around it (Tarjan's strongly connected components of more than one file, or a file importing itself). */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) === index.get(file)) {
      const component = stack.splice(stack.indexOf(file));
      if (component.length > 1 || graph.get(file)!.includes(file)) found.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

describe('import graph of src/', () => {
  const graph = importGraph();

  it('reads every kind of import, and finds the graph', () => {
    expect(importedSpecifiers(`import a from './a.ts';\nimport type { B } from "../b.ts";\nexport { c } from './c.ts';\nexport * from './d.ts';\nimport './e.css';\nconst f = await import('./f.ts');\nimport {\n  g,\n  h,\n} from './gh.ts';`))
      .toEqual(['./a.ts', '../b.ts', './c.ts', './d.ts', './e.css', './gh.ts', './f.ts']);
    expect(importedSpecifiers(`const s = "import x from './not-code'";`)).toEqual([]);
    expect(moduleText('x.astro', `---\nimport A from './A.astro';\n---\n<p>import B from './B.astro'</p>`)).toBe(`import A from './A.astro';`);
    expect(graph.get('src/pipeline/export.ts')).toContain('src/site/notices.ts');
    expect(graph.get('src/pages/index.astro')).toContain('src/site/model.ts');
  });

  it('finds a cycle when there is one', () => {
    const graphWithCycle = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    expect(cycles(graphWithCycle)).toEqual([['a', 'b', 'c']]);
    expect(cycles(new Map([['a', ['a']]]))).toEqual([['a']]);
    expect(cycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  it('has no cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('imports nothing from outside src/ but packages (the scripts and tests sit above it)', () => {
    const outside = [...graph].flatMap(([file, targets]) => targets.filter((t) => !t.startsWith('src/')).map((t) => `${file} → ${t}`));
    expect(outside).toEqual([]);
  });

  it('puts every module of src/ in a layer', () => {
    expect([...graph.keys()].filter((file) => layerOf(file) === undefined)).toEqual([]);
  });

  it('imports only from the same layer or one below', () => {
    const upward = [...graph].flatMap(([file, targets]) => {
      const layer = LAYERS.find((l) => l.name === layerOf(file))!;
      return targets
        .filter((target) => {
          const to = layerOf(target);
          return to !== layer.name && !(layer.below as readonly string[]).includes(to ?? '');
        })
        .map((target) => `${file} → ${target}`);
    });
    expect(upward).toEqual([]);
  });

  it('keeps src/config free of the pipeline, the site and the pages', () => {
    const fromConfig = [...graph]
      .filter(([file]) => file.startsWith('src/config/'))
      .flatMap(([file, targets]) => targets.filter((t) => !/^src\/(config|rules)\/|^src\/order\.ts$/.test(t) && t.startsWith('src/')).map((t) => `${file} → ${t}`));
    expect(fromConfig).toEqual([]);
  });
});
