/**
 * npm run build -- [--data DIR] [--out DIR] [--locale zh-CN|en] [--base /path/]
 * Builds a competition folder into a static site. Exits non-zero, leaving the previous output
 * untouched, when the config or the data is refused.
 */
import { parseArgs } from 'node:util';
import { buildSite } from '../src/pipeline/build.ts';
import { BuildError } from '../src/pipeline/diagnostics.ts';
import { Locale } from '../src/config/schema.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: 'data' },
    out: { type: 'string', default: 'dist' },
    locale: { type: 'string' },
    base: { type: 'string', default: '/' },
  },
});

const locale = values.locale === undefined ? undefined : Locale.safeParse(values.locale);
if (locale && !locale.success) {
  console.error(`--locale: expected zh-CN or en, found "${values.locale}"`);
  process.exit(2);
}

try {
  const report = await buildSite({
    dataDir: values.data,
    outDir: values.out,
    locale: locale?.data,
    base: values.base,
    log: (line) => console.log(line),
  });
  for (const note of report.notes) console.warn(`note: ${note}`);
  const pages = report.site.unitIds.length + report.site.staffIds.length + report.site.rankingPages.length;
  console.log(`built ${values.out}/ from ${values.data}/ (data as of ${report.site.asOf}, ${pages}+ pages)`);
} catch (error) {
  if (error instanceof BuildError) {
    console.error(error.message);
    console.error(`\nNothing was published: ${values.out}/ is unchanged.`);
    process.exit(1);
  }
  throw error;
}
