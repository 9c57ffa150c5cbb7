/**
 * npm run bench -- [--outlets 2000] [--staff 40000] [--events 2000000] [--months 12] [--no-render]
 * Generates a large synthetic competition, builds it, and reports each stage's wall time and the
 * peak memory of the process. Figures go into the README's performance section by hand.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from '../src/pipeline/build.ts';
import { writeBenchCompetition } from './bench-data.ts';

const { values } = parseArgs({
  options: {
    outlets: { type: 'string', default: '2000' },
    staff: { type: 'string', default: '40000' },
    events: { type: 'string', default: '2000000' },
    months: { type: 'string', default: '12' },
    'no-render': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = { outlets: Number(values.outlets), staff: Number(values.staff), events: Number(values.events), months: Number(values.months) };
const root = mkdtempSync(path.join(os.tmpdir(), 'podium-bench-'));
const dataDir = path.join(root, 'data');
const outDir = path.join(root, 'site');

try {
  let started = performance.now();
  await writeBenchCompetition(dataDir, sizes);
  console.log(`generated ${JSON.stringify(sizes)} in ${Math.round(performance.now() - started)} ms`);
  started = performance.now();
  const report = await buildSite({ dataDir, outDir, modelOnly: values['no-render'], log: (line) => console.log(`  ${line}`) });
  const total = Math.round(performance.now() - started);
  const ms = (stage: string) => report.timings.find(([s]) => s === stage)?.[1] ?? 0;
  const core = ['config', 'load', 'validate', 'score', 'check'].reduce((sum, s) => sum + ms(s), 0);
  const peakMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  const pages = report.site.unitIds.length + report.site.staffIds.length + report.site.rankingPages.length;
  console.log('\n| stage | ms |\n|---|---:|');
  for (const [stage, time] of report.timings) console.log(`| ${stage} | ${time} |`);
  console.log(`| **load + validate + score + check** | **${core}** |`);
  console.log(`| **whole build** | **${total}** |`);
  console.log(`\npeak memory (max RSS): ${peakMiB} MiB; entity and ranking pages: ${pages}; node ${process.version}; ${os.cpus().length} cores`);
} finally {
  if (!values.keep) rmSync(root, { recursive: true, force: true });
  else console.log(`kept ${root}`);
}
