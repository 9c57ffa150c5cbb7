/**
 * The SQL models of sql/staging, sql/intermediate and sql/marts, and those a rule kind keeps in its
 * own folder (src/rules/<kind>/, a file named with a layer's prefix), run in the order the tables they
 * read imply (dbt style). A model is one SELECT in a file named for the table it makes; the runner
 * makes the table. A file whose header says `-- podium: operation` is statements instead (INSERT,
 * UPDATE) that fill or change tables other models made; it runs after the models that make what it
 * writes and before every model that reads it. `repeat per <loop>` in the header runs a file once
 * per value the caller lists for that loop (per score stage, per award); `view` makes a view
 * instead of a table.
 *
 * References are found by matching the words of a file, outside comments and string literals,
 * against the model names; a word with a layer's prefix (stg_, int_, fct_) that names no model is a
 * missing model.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryText, runStatements, SQL_FOLDERS, sqlFilesIn, sqlLabel, type SqlParams } from './sql.ts';

/** The model layers in the order a reader meets them, with the prefix every model of the layer carries. */
const MODEL_LAYERS = { staging: 'stg_', intermediate: 'int_', marts: 'fct_' } as const;

const CONTRACT_SUFFIX = '.test';

export interface ModelFile {
  name: string;
  /** The path messages show: sql/marts/fct_standings.sql. */
  label: string;
  text: string;
  /** Statements that write other models' tables, rather than one SELECT that makes its own. */
  operation: boolean;
  /** The caller's loop this file runs once per value of. */
  repeat?: string;
  /** Made as a view: its SELECT runs when read, for a large model read once or twice that a table would only copy. */
  view: boolean;
  /** Model tables the file reads. */
  reads: string[];
  /** Model tables an operation writes (INSERT INTO, UPDATE, DELETE FROM). */
  writes: string[];
}

export interface ModelRun {
  /** The values of each loop a file repeats over, asked for when the first file of the loop runs. */
  loops: Record<string, () => Promise<SqlParams[]>>;
  /**
   * Turns a file's failure into the error to throw (a config expression's, say), or null to keep
   * it; `rebuild` runs the file again with the same values, for a diagnosis that first changes
   * what the file calls (the award macros).
   */
  explain?: (name: string, error: unknown, rebuild: () => Promise<void>) => Promise<unknown>;
}

type Layer = keyof typeof MODEL_LAYERS;
const LAYER_ORDER = Object.keys(MODEL_LAYERS) as Layer[];

/** The layer whose prefix a model's name (or its contract test's) carries. */
const layerOfName = (name: string): Layer | undefined => LAYER_ORDER.find((layer) => name.startsWith(MODEL_LAYERS[layer]));

/**
 * The model files under the folders, layer by layer and by name wherever they sit, with the path
 * messages show: every file of a layer folder (sql/marts/…), and elsewhere (a rule kind's folder)
 * each file named with a layer's prefix; the other files are queries run by name.
 */
function layerFiles(dirs: readonly string[]): { name: string; label: string; text: string }[] {
  const files = dirs.flatMap((dir) =>
    [...sqlFilesIn(dir)].flatMap(([name, file]) => {
      const folder = path.relative(dir, path.dirname(file)).split(path.sep)[0] as Layer;
      const layer = Object.hasOwn(MODEL_LAYERS, folder) ? folder : layerOfName(name);
      return layer === undefined ? [] : [{ name, layer, label: sqlLabel(file, dir), file }];
    }),
  );
  const names = new Map<string, string>();
  for (const { name, label } of files) {
    const earlier = names.get(name);
    if (earlier) throw new Error(`${earlier} and ${label}: two SQL files named ${name}.sql; names must be unique across sql/ and src/rules/`);
    names.set(name, label);
  }
  return files
    .sort((a, b) => LAYER_ORDER.indexOf(a.layer) - LAYER_ORDER.indexOf(b.layer) || (a.name < b.name ? -1 : 1))
    .map(({ name, label, file }) => ({ name, label, text: readFileSync(file, 'utf8') }));
}

/** Reads the models of the folders (sql/ and src/rules/ by default), in run order. */
export function plannedModels(dirs: readonly string[] = SQL_FOLDERS): ModelFile[] {
  const files = layerFiles(dirs).filter(({ name }) => !name.endsWith(CONTRACT_SUFFIX));
  return orderModels(files.map(({ name, label, text }) => readModel(name, label, text)));
}

/** The contract tests beside the models: <model>.test.sql, each a SELECT of the rows that break it. */
export function contractTests(dirs: readonly string[] = SQL_FOLDERS): { label: string; text: string }[] {
  return layerFiles(dirs).filter(({ name }) => name.endsWith(CONTRACT_SUFFIX));
}

export async function runModels(db: DuckDBConnection, models: ModelFile[], run: ModelRun): Promise<void> {
  const loopValues = new Map<string, SqlParams[]>();
  for (const model of models) {
    let values: SqlParams[] = [{}];
    if (model.repeat !== undefined) {
      const loop = run.loops[model.repeat];
      if (!loop) throw new Error(`${model.label}: repeats per ${model.repeat}, a loop the runner does not know`);
      if (!loopValues.has(model.repeat)) loopValues.set(model.repeat, await loop());
      values = loopValues.get(model.repeat)!;
    }
    if (!model.operation && (await db.extractStatements(model.text)).count !== 1) {
      throw new Error(`${model.label}: a model is one SELECT; statements that fill other tables belong in a file marked -- podium: operation`);
    }
    const text = model.operation ? model.text : `CREATE OR REPLACE ${model.view ? 'VIEW' : 'TABLE'} ${model.name} AS\n${model.text}`;
    for (const value of values) {
      const build = () => runStatements(db, text, model.label, value);
      await build().catch(async (error: unknown) => {
        throw (await run.explain?.(model.name, error, build)) ?? error;
      });
    }
  }
}

/** Runs every contract test and returns, per broken one, its file and the rows that break it. */
export async function brokenContracts(db: DuckDBConnection, dirs: readonly string[] = SQL_FOLDERS): Promise<{ label: string; rows: Record<string, unknown>[] }[]> {
  const broken: { label: string; rows: Record<string, unknown>[] }[] = [];
  for (const test of contractTests(dirs)) {
    const rows = await queryText<Record<string, unknown>>(db, test.text, test.label);
    if (rows.length > 0) broken.push({ label: test.label, rows });
  }
  return broken;
}

const DIRECTIVE = /^--\s*podium:(.*)$/gm;

function readModel(name: string, label: string, text: string): ModelFile {
  const model: ModelFile = { name, label, text, operation: false, view: false, reads: [], writes: [] };
  for (const [, words] of text.matchAll(DIRECTIVE)) {
    for (const word of words!.split(',').map((w) => w.trim())) {
      const repeat = /^repeat per (.+)$/.exec(word);
      if (word === 'operation') model.operation = true;
      else if (word === 'view') model.view = true;
      else if (repeat) model.repeat = repeat[1]!;
      else throw new Error(`${label}: unknown podium header word "${word}" (expected operation, view or repeat per <loop>)`);
    }
  }
  if (model.view && (model.operation || model.repeat !== undefined)) throw new Error(`${label}: a view is one SELECT, made once; it cannot be an operation or repeat`);
  const words = sqlWords(text);
  model.reads = [...new Set(words.filter((w) => isModelName(w) && w !== name))];
  if (model.operation) {
    for (let i = 0; i + 1 < words.length; i++) {
      const [a, b, c] = [words[i], words[i + 1], words[i + 2]];
      const target = (a === 'insert' && b === 'into') || (a === 'delete' && b === 'from') ? c : a === 'update' ? b : undefined;
      if (target !== undefined && isModelName(target) && !model.writes.includes(target)) model.writes.push(target);
    }
  } else {
    const prefix = Object.entries(MODEL_LAYERS).find(([layer]) => label.split('/').includes(layer))?.[1];
    if (prefix && !name.startsWith(prefix)) throw new Error(`${label}: a model of this layer is named ${prefix}<table>`);
  }
  return model;
}

const isModelName = (word: string) => layerOfName(word) !== undefined;

/**
 * The lower-cased words of a SQL text, leaving out comments and string literals (a model named in
 * a comment or a message is not read); a double-quoted identifier is a word.
 */
function sqlWords(text: string): string[] {
  const words: string[] = [];
  const token = /--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"((?:[^"]|"")*)"|([A-Za-z_][A-Za-z0-9_$]*)/g;
  for (const [, quoted, bare] of text.matchAll(token)) {
    if (quoted !== undefined) words.push(quoted.replaceAll('""', '"').toLowerCase());
    else if (bare !== undefined) words.push(bare.toLowerCase());
  }
  return words;
}

/**
 * Orders the models so that each runs after the models that make the tables it reads or writes,
 * and after the operations that write what it reads. Among those free to run, the earlier layer,
 * then the name, goes first, so the order never depends on the file system.
 */
function orderModels(models: ModelFile[]): ModelFile[] {
  const maker = new Map<string, ModelFile>();
  for (const model of models) if (!model.operation) maker.set(model.name, model);
  const writers = new Map<string, ModelFile[]>();
  for (const model of models) for (const table of model.writes) writers.set(table, [...(writers.get(table) ?? []), model]);
  const after = new Map<ModelFile, { model: ModelFile; table: string }[]>();
  for (const model of models) {
    const needs: { model: ModelFile; table: string }[] = [];
    for (const table of [...model.reads, ...model.writes]) {
      const made = maker.get(table);
      if (!made) {
        throw new Error(`${model.label} reads ${table}, but there is no model sql/${layerOfName(table)!}/${table}.sql, nor ${table}.sql in a rule kind's folder`);
      }
      if (made !== model) needs.push({ model: made, table });
      if (!model.writes.includes(table)) for (const writer of writers.get(table) ?? []) if (writer !== model) needs.push({ model: writer, table });
    }
    after.set(model, needs);
  }
  const ordered: ModelFile[] = [];
  const done = new Set<ModelFile>();
  const rest = [...models];
  while (rest.length > 0) {
    const next = rest.findIndex((model) => after.get(model)!.every((need) => done.has(need.model)));
    if (next < 0) throw new Error(cycleMessage(rest, after));
    const [model] = rest.splice(next, 1);
    ordered.push(model!);
    done.add(model!);
  }
  return ordered;
}

/** A cycle among the models left: each file reads a table the next one makes or writes. */
function cycleMessage(rest: ModelFile[], after: Map<ModelFile, { model: ModelFile; table: string }[]>): string {
  const left = new Set(rest);
  const steps: string[] = [];
  const seen = new Map<ModelFile, number>();
  let at = rest[0]!;
  while (!seen.has(at)) {
    seen.set(at, steps.length);
    const need = after.get(at)!.find((n) => left.has(n.model))!;
    steps.push(`${at.label} reads ${need.table} from ${need.model.label}`);
    at = need.model;
  }
  return `the SQL models form a cycle: ${steps.slice(seen.get(at)).join(', ')}`;
}
