/**
 * The `podium` command: build, validate, diff, preview and init a competition folder.
 * `npx podium <command> --help` says each command's options; `npm run build` is `podium build`.
 * Exit codes: 0 done, 1 the data or config was refused, 2 a usage error, 70 a bug in Podium,
 * 130 stopped by Ctrl-C or SIGTERM; `podium diff --exit-code` exits 3 when the data changed.
 */
import { cpSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { fileURLToPath } from 'node:url';
import { buildSite, diffCompetition, validateCompetition } from '../src/pipeline/build.ts';
import { describeChanges } from '../src/pipeline/data-manifest.ts';
import { BuildError } from '../src/config/diagnostics.ts';
import { DIAGNOSTIC_FORMATS, formatRefusal, type DiagnosticFormat } from '../src/pipeline/diagnostic-formats.ts';
import { PublishError } from '../src/pipeline/publish.ts';
import { Audience, IsoDate, Locale } from '../src/config/schema.ts';
import { startStaticServer } from '../src/pipeline/static-server.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = path.join(PROJECT_ROOT, 'data', 'examples');

class UsageError extends Error {}

interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number>;
}

const dataOption = { data: { type: 'string', default: 'data' } } as const;
const formatOption = { format: { type: 'string', default: 'text' } } as const;
const progressOption = { progress: { type: 'boolean', default: false } } as const;
const localeOption = { locale: { type: 'string' } } as const;

const COMMANDS: Record<string, Command> = {
  build: {
    summary: 'build a competition folder into a static site',
    usage: `podium build [--data DIR] [--out DIR] [--locale zh-CN|en] [--audience public|internal] [--as-of YYYY-MM-DD] [--base /path/] [--clean] [--format text|json|github] [--progress]

  --data     the competition folder (competition.yaml and its tables); default data
  --out      the site folder; replaced as a whole, and only if Podium wrote it; default dist
  --locale   the language edition to publish; default the config's locale
  --audience the public edition (what config.public allows) or the internal one (everything,
             with notes); default the config's audience
  --as-of    the day the site speaks of, on or after the data date: notices dated later are
             not out yet, and each 公示期 is 公示中 or 公示结束 against it; default the data date
  --base     the URL path the site is served under (ASCII letters, digits, - _ . ~ between slashes); default /
  --clean    render every page, reusing none from the page cache of earlier builds to this --out
  --format   how refusals are printed: text, json (one object a line) or github (annotations)
  --progress a line per stage also when not on a terminal`,
    options: { ...dataOption, out: { type: 'string', default: 'dist' }, ...localeOption, audience: { type: 'string' }, 'as-of': { type: 'string' }, base: { type: 'string', default: '/' }, clean: { type: 'boolean', default: false }, ...formatOption, ...progressOption },
    async run(values) {
      const format = formatOf(values);
      const out = String(values.out);
      const stop = stopOnSignals();
      try {
        const report = await buildSite({
          dataDir: String(values.data),
          outDir: out,
          locale: localeOf(values),
          audience: audienceOf(values),
          asOf: asOfOf(values),
          base: String(values.base),
          clean: values.clean === true,
          log: progress(values),
          signal: stop.signal,
        });
        for (const note of report.notes) console.warn(`note: ${note}`);
        for (const warning of report.warnings) console.warn(`warning: ${warning}`);
        if (format === 'text') for (const line of describeChanges(report.changes)) console.log(line);
        const pages = report.site.unitIds.length + report.site.staffIds.length + report.site.rankingPages.length;
        console.log(`built ${out}/ from ${values.data}/ (data as of ${report.site.asOf}, ${pages}+ pages)`);
        return 0;
      } catch (error) {
        if (stop.signal.aborted) {
          console.error(`Stopped. Nothing was published: ${out}/ is unchanged.`);
          return 130;
        }
        if (!(error instanceof BuildError)) throw error;
        console.error(formatRefusal(error, format));
        if (format === 'text' && (!(error instanceof PublishError) || error.outIntact)) console.error(`\nNothing was published: ${out}/ is unchanged.`);
        return 1;
      }
    },
  },
  validate: {
    summary: 'check a competition folder (config, load, validate, score, check) without building a site',
    usage: `podium validate [--data DIR] [--as-of YYYY-MM-DD] [--format text|json|github] [--progress]

  --data     the competition folder; default data
  --as-of    checked as the build would check it: a date on or after the data date
  --format   text (file:line:column messages), json (one object a line) or github (workflow
             annotations, so that a pull request shows each problem on its line)
  --progress a line per stage also when not on a terminal
Exits 1 on any problem.`,
    options: { ...dataOption, 'as-of': { type: 'string' }, ...formatOption, ...progressOption },
    async run(values) {
      const format = formatOf(values);
      try {
        const report = await validateCompetition({ dataDir: String(values.data), asOf: asOfOf(values), log: progress(values) });
        for (const note of report.notes) console.warn(`note: ${note}`);
        if (format === 'text') console.log(`${values.data}/ is valid (data as of ${report.asOf}, ${report.findings} finding(s))`);
        return 0;
      } catch (error) {
        if (!(error instanceof BuildError)) throw error;
        console.error(formatRefusal(error, format));
        return 1;
      }
    },
  },
  diff: {
    summary: 'what the data changed against the published site, without building',
    usage: `podium diff [--data DIR] [--out DIR] [--locale zh-CN|en] [--format text|json] [--exit-code] [--progress]

  --data      the competition folder; default data
  --out       the published site to compare with (its exports/data-manifest.json,
              data-manifest-rows.parquet and data-manifest-values.parquet); default dist
  --locale    the language of labels in the report; default the config's locale
  --format    text (a line per change) or json (the whole comparison as one object)
  --exit-code exit 3 when anything changed, so that a script can tell
  --progress  a line per stage also when not on a terminal
Rows added, changed and removed per table by ID, entities whose score or rank changed, and
published notices whose result moved (a correction, 更正, is due). Exits 0, 1 when the data is
refused, 3 with --exit-code when something changed.`,
    options: { ...dataOption, out: { type: 'string', default: 'dist' }, ...localeOption, format: { type: 'string', default: 'text' }, 'exit-code': { type: 'boolean', default: false }, ...progressOption },
    async run(values) {
      const format = String(values.format);
      if (format !== 'text' && format !== 'json') throw new UsageError(`--format: expected text or json, found "${format}"`);
      try {
        const { changes, notes } = await diffCompetition({ dataDir: String(values.data), outDir: String(values.out), locale: localeOf(values), log: progress(values) });
        for (const note of notes) console.warn(`note: ${note}`);
        console.log(format === 'json' ? JSON.stringify(changes, null, 2) : describeChanges(changes).join('\n'));
        const changed = changes.tables.length + changes.entities.length + changes.notices.length + changes.newPeriods.length > 0;
        return values['exit-code'] && changed ? 3 : 0;
      } catch (error) {
        if (!(error instanceof BuildError)) throw error;
        console.error(formatRefusal(error, 'text'));
        return 1;
      }
    },
  },
  preview: {
    summary: 'serve a built site on http://127.0.0.1',
    usage: `podium preview [--out DIR] [--port N]

  --out      the built site; default dist
  --port     default 4321`,
    options: { out: { type: 'string', default: 'dist' }, port: { type: 'string', default: '4321' } },
    async run(values) {
      const out = String(values.out);
      if (!existsSync(out)) {
        console.error(`${out}/ does not exist yet: run "podium build" first.`);
        return 1;
      }
      const port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: expected a port number, found "${values.port}"`);
      const { server, url } = await startStaticServer(out, port);
      console.log(`serving ${out}/ at ${url}/ (Ctrl+C to stop)`);
      await new Promise((resolve) => server.on('close', resolve));
      return 0;
    },
  },
  init: {
    summary: 'start a new competition folder from an example',
    usage: `podium init DIR [--from EXAMPLE]

  DIR        the new competition folder; it must not exist or be empty
  --from     an example of data/examples (${listExamples().join(', ')}), or "sample" for the
             sample competition in data/; default sample`,
    options: { from: { type: 'string', default: 'sample' } },
    async run(values, positionals) {
      const [target, ...rest] = positionals;
      if (target === undefined || rest.length > 0) throw new UsageError('expected one folder to create');
      const from = String(values.from);
      const examples = listExamples();
      if (from !== 'sample' && !examples.includes(from)) throw new UsageError(`--from: expected "sample" or one of ${examples.join(', ')}, found "${from}"`);
      if (existsSync(target) && readdirSync(target).length > 0) {
        console.error(`${target}/ already holds files: init only writes into a new or empty folder.`);
        return 1;
      }
      const source = from === 'sample' ? path.join(PROJECT_ROOT, 'data') : path.join(EXAMPLES, from);
      // The sample's own examples folder stays behind: a new competition starts with its own data.
      cpSync(source, target, { recursive: true, filter: (file) => path.resolve(file) !== EXAMPLES });
      console.log(`created ${target}/ from ${from}. Edit ${path.join(target, 'competition.yaml')}, then run: podium validate --data ${target}`);
      return 0;
    },
  },
};

function listExamples(): string[] {
  return existsSync(EXAMPLES) ? readdirSync(EXAMPLES).sort() : [];
}

function formatOf(values: Record<string, unknown>): DiagnosticFormat {
  const format = String(values.format);
  if (!(DIAGNOSTIC_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: expected ${DIAGNOSTIC_FORMATS.join(', ')}, found "${format}"`);
  return format as DiagnosticFormat;
}

/** Its form is checked here; whether it falls on or after the data date, by the build. */
function asOfOf(values: Record<string, unknown>): string | undefined {
  if (values['as-of'] === undefined) return undefined;
  const asOf = IsoDate.safeParse(values['as-of']);
  if (!asOf.success) throw new UsageError(`--as-of: expected a date written YYYY-MM-DD, found "${String(values['as-of'])}"`);
  return asOf.data;
}

function audienceOf(values: Record<string, unknown>): Audience | undefined {
  if (values.audience === undefined) return undefined;
  const audience = Audience.safeParse(values.audience);
  if (!audience.success) throw new UsageError(`--audience: expected public or internal, found "${String(values.audience)}"`);
  return audience.data;
}

function localeOf(values: Record<string, unknown>): Locale | undefined {
  if (values.locale === undefined) return undefined;
  const locale = Locale.safeParse(values.locale);
  if (!locale.success) throw new UsageError(`--locale: expected zh-CN or en, found "${String(values.locale)}"`);
  return locale.data;
}

/** A line per stage on a terminal; quiet in CI logs and hooks, where only the outcome matters. */
function progress(values: Record<string, unknown>): (line: string) => void {
  const shown = values.progress === true || process.stderr.isTTY;
  return (line) => {
    if (shown) console.error(line);
  };
}

/**
 * Ctrl-C or SIGTERM stops the build at the next stage, stops its render workers (or the
 * renderer's compile) and removes its temp folder; a second one exits at once (the next build
 * removes what is left).
 */
function stopOnSignals(): AbortController {
  const stop = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stop.signal.aborted) process.exit(130);
      console.error(`\n${signal}: stopping the build…`);
      stop.abort(new Error(signal));
    });
  }
  return stop;
}

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return [
    'usage: podium <command> [options]   (podium <command> --help for its options)',
    '',
    ...Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`),
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    console.error(`podium: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({ args, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
    if (values.help) {
      console.log(command.usage);
      return 0;
    }
    if (name !== 'init' && positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    return await command.run(values, positionals);
  } catch (error) {
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`podium ${name}: ${(error as Error).message}\nusage: ${command.usage}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(`error: ${message.split('\n')[0]}\nThis is a bug in Podium: please report it with the command you ran.${process.env.PODIUM_DEBUG ? '' : ' (PODIUM_DEBUG=1 shows the details.)'}`);
    if (process.env.PODIUM_DEBUG) console.error(error);
    return 70;
  }
}

process.exitCode = await main(process.argv.slice(2));
