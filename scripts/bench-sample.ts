/**
 * Issue 10's targets for the sample, measured as a data clerk meets them: `podium build` and
 * `podium validate` run through the CLI, each in a process of its own, on a copy of data/. Between
 * builds one event is corrected (a praise's points, 2 ↔ 3), so that each build has a real change
 * to publish against the one before it, and code and config stay unchanged.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProcess } from '../src/pipeline/processes.ts';
import { csvHeader } from './bench-data.ts';

const PROJECT = fileURLToPath(new URL('../', import.meta.url));
const CLI = path.join(PROJECT, 'scripts', 'podium.mjs');

export interface SampleBuild {
  ms: number;
  rendered: number;
  pages: number;
}

export interface SampleTimes {
  /** Builds in a row, each after one event was corrected. */
  corrected: SampleBuild[];
  /** A `--clean` build of the same data: every page rendered, none reused. */
  clean: SampleBuild;
  validateMs: number;
}

/** Where the points of the praise whose correction is measured are: its events file, line and column (from 0). */
export interface CorrectableEvent {
  file: string;
  line: number;
  column: number;
  eventId: string;
}

/**
 * Finds the first praise of 2 or 3 points in the events files of `dataDir`, on a line without
 * quotes (so its cells split on commas). Throws, naming the folder, when there is none.
 */
export function findCorrectableEvent(dataDir: string): CorrectableEvent {
  const eventsDir = path.join(dataDir, 'events');
  for (const name of readdirSync(eventsDir).filter((f) => f.endsWith('.csv')).sort()) {
    const file = path.join(eventsDir, name);
    const header = csvHeader(file);
    const [id, type, points] = ['event_id', 'type', 'points'].map((column) => header.indexOf(column)) as [number, number, number];
    const lines = readFileSync(file, 'utf8').split('\n');
    for (let line = 1; line < lines.length; line++) {
      const cells = lines[line]!.split(',');
      if (!lines[line]!.includes('"') && cells[type] === 'praise' && ['2', '3'].includes(cells[points]!)) return { file, line, column: points, eventId: cells[id]! };
    }
  }
  throw new Error(`${eventsDir}: expected an events file with a praise of 2 or 3 points to correct, found none`);
}

/** Corrects the event's points, 2 → 3 or 3 → 2, in place. */
export function correctEvent(event: CorrectableEvent): void {
  const lines = readFileSync(event.file, 'utf8').split('\n');
  const cells = lines[event.line]!.split(',');
  cells[event.column] = cells[event.column] === '2' ? '3' : '2';
  lines[event.line] = cells.join(',');
  writeFileSync(event.file, lines.join('\n'));
}

async function timedCli(args: string[]): Promise<{ ms: number; output: string }> {
  const started = performance.now();
  const { stdout, stderr } = await runProcess(process.execPath, [CLI, ...args], { cwd: PROJECT });
  return { ms: Math.round(performance.now() - started), output: `${stdout}\n${stderr}` };
}

async function build(dataDir: string, outDir: string, clean = false): Promise<SampleBuild> {
  const { ms, output } = await timedCli(['build', '--data', dataDir, '--out', outDir, '--progress', ...(clean ? ['--clean'] : [])]);
  const counts = /render\s+(\d+) pages rendered, (\d+) reused/.exec(output);
  if (!counts) throw new Error(`podium build --data ${dataDir}: expected a line "render N pages rendered, M reused" with --progress, found none`);
  const [rendered, reused] = [Number(counts[1]), Number(counts[2])];
  return { ms, rendered, pages: rendered + reused };
}

/**
 * Copies data/ into `dataDir` and measures the sample there, publishing into `outDir`: a first
 * build, `corrections` corrected builds in a row, a `--clean` build, and `podium validate`.
 */
export async function measureSample(dataDir: string, outDir: string, corrections = 2): Promise<SampleTimes> {
  cpSync(path.join(PROJECT, 'data'), dataDir, { recursive: true });
  const event = findCorrectableEvent(dataDir);
  await build(dataDir, outDir);
  const corrected: SampleBuild[] = [];
  for (let i = 0; i < corrections; i++) {
    correctEvent(event);
    corrected.push(await build(dataDir, outDir));
  }
  const clean = await build(dataDir, outDir, true);
  const validateMs = (await timedCli(['validate', '--data', dataDir])).ms;
  return { corrected, clean, validateMs };
}
