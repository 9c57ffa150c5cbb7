/**
 * npm run build -- [--data DIR] [--out DIR] [--locale zh-CN|en] [--base /path/]
 * Builds a competition folder into a static site. Exits non-zero, leaving the previous output
 * untouched, when the config or the data is refused; 130 when stopped by Ctrl-C or SIGTERM;
 * 70 on an error that is a bug in Podium.
 */
import { parseArgs } from 'node:util';
import { buildSite } from '../src/pipeline/build.ts';
import { BuildError } from '../src/pipeline/diagnostics.ts';
import { PublishError } from '../src/pipeline/publish.ts';
import { Locale } from '../src/config/schema.ts';

function options() {
  try {
    return parseArgs({
      options: {
        data: { type: 'string', default: 'data' },
        out: { type: 'string', default: 'dist' },
        locale: { type: 'string' },
        base: { type: 'string', default: '/' },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: npm run build -- [--data DIR] [--out DIR] [--locale zh-CN|en] [--base /path/]`);
    process.exit(2);
  }
}
const values = options();

const locale = values.locale === undefined ? undefined : Locale.safeParse(values.locale);
if (locale && !locale.success) {
  console.error(`--locale: expected zh-CN or en, found "${values.locale}"`);
  process.exit(2);
}

// Ctrl-C or SIGTERM stops the build at the next stage, kills its render processes and removes
// its temp folder; a second one exits at once (the next build removes what is left).
const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stop.signal.aborted) process.exit(130);
    console.error(`\n${signal}: stopping the build…`);
    stop.abort(new Error(signal));
  });
}

try {
  const report = await buildSite({
    dataDir: values.data,
    outDir: values.out,
    locale: locale?.data,
    base: values.base,
    log: (line) => console.log(line),
    signal: stop.signal,
  });
  for (const note of report.notes) console.warn(`note: ${note}`);
  const pages = report.site.unitIds.length + report.site.staffIds.length + report.site.rankingPages.length;
  console.log(`built ${values.out}/ from ${values.data}/ (data as of ${report.site.asOf}, ${pages}+ pages)`);
} catch (error) {
  if (stop.signal.aborted) {
    console.error(`Stopped. Nothing was published: ${values.out}/ is unchanged.`);
    process.exit(130);
  }
  if (error instanceof BuildError) {
    console.error(error.message);
    if (!(error instanceof PublishError) || error.outIntact) console.error(`\nNothing was published: ${values.out}/ is unchanged.`);
    process.exit(1);
  }
  const message = error instanceof Error ? error.message : String(error);
  console.error(`error: ${message.split('\n')[0]}\nThis is a bug in Podium: please report it with the command you ran.${process.env.PODIUM_DEBUG ? '' : ' (PODIUM_DEBUG=1 shows the details.)'}`);
  if (process.env.PODIUM_DEBUG) console.error(error);
  process.exit(70);
}
