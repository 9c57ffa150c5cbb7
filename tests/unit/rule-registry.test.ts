/**
 * The rule registry (src/rules): every SQL model a kind names exists, a kind reads no model it
 * does not name, and rules import nothing from the pipeline or the site, so the config schema can
 * be built from them without an import running back up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCompliance, COMPLIANCE_MODELS, ComplianceRule, FINE_MODELS, SCORE_MODELS } from '../../src/rules/index.ts';
import type { CheckRun } from '../../src/rules/kind.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const filesUnder = (dir: string, ext: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith(ext)).map((e) => path.join(e.parentPath, e.name));

describe('rule registry', () => {
  it('names only SQL models that exist (in whichever folder of sql/ they sit)', () => {
    const models = new Set(filesUnder(path.join(ROOT, 'sql'), '.sql').map((f) => path.basename(f, '.sql')));
    const named = [...COMPLIANCE_MODELS, ...[...SCORE_MODELS.values()].flat(), ...FINE_MODELS];
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((m) => !models.has(m))).toEqual([]);
  });

  it('hands each kind the queries of the SQL models it lists, once per window or period', async () => {
    const signoff = ComplianceRule.parse({ id: 'signed', label: 'Signed', kind: 'signoff' });
    const queried: string[] = [];
    const run: CheckRun = {
      query: async <T>(model: string) => {
        queried.push(model);
        return [] as T[];
      },
      periods: () => [],
      windows: () => [],
      labels: { level: (id) => id, period: (id) => id, checkKind: (id) => id, eventType: (id) => id, metric: (id) => id },
      topLevel: 'branch',
    };
    expect(await checkCompliance(signoff, run)).toEqual([]);
    expect(queried).toEqual(['check_signoffs']);
    // A period rule: one query per selected period.
    const coverage = ComplianceRule.parse({ id: 'c', label: 'C', kind: 'coverage', level: 'outlet', periods: ['month'], by: {}, share: { op: '>=', value: 60 } });
    const twoMonths = () => [{ id: '2025-01', start: '2025-01-01', end: '2025-01-31' }, { id: '2025-02', start: '2025-02-01', end: '2025-02-28' }];
    await expect(checkCompliance(coverage, { ...run, periods: twoMonths })).resolves.toEqual([]);
    expect(queried).toEqual(['check_signoffs', 'check_coverage', 'check_coverage']);
  });

  it('imports nothing from src/pipeline or src/site into src/rules', () => {
    const offending = filesUnder(path.join(ROOT, 'src/rules'), '.ts').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)]
        .map((m) => path.resolve(path.dirname(file), m[1]!))
        .filter((target) => target.startsWith(path.join(ROOT, 'src/pipeline')) || target.startsWith(path.join(ROOT, 'src/site')))
        .map((target) => `${path.relative(ROOT, file)} → ${path.relative(ROOT, target)}`),
    );
    expect(offending).toEqual([]);
  });
});
