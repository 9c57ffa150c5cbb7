/**
 * The rule registry (src/rules): every SQL model a kind names exists, and a kind reads no model it
 * does not name. (That rules import nothing from the pipeline or the site is import-graph.test.ts's.)
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkCompliance, COMPLIANCE_MODELS, ComplianceRule, FINE_MODELS, SCORE_MODELS } from '../../src/rules/index.ts';
import type { CheckRun } from '../../src/rules/kind.ts';
import { signoff } from '../../src/rules/signoff/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const filesUnder = (dir: string, ext: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith(ext)).map((e) => path.join(e.parentPath, e.name));

/** A check run with no rows, recording each model queried. */
function recordingRun(queried: string[]): CheckRun {
  return {
    query: async <T>(model: string) => {
      queried.push(model);
      return [] as T[];
    },
    periods: () => [],
    windows: () => [],
    isWorkingDay: () => true,
    labels: { level: (id) => id, period: (id) => id, checkKind: (id) => id, eventType: (id) => id, metric: (id) => id },
    topLevel: 'branch',
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('rule registry', () => {
  it('names only SQL models that exist (in whichever folder of sql/ or src/rules/ they sit)', () => {
    const models = new Set([...filesUnder(path.join(ROOT, 'sql'), '.sql'), ...filesUnder(path.join(ROOT, 'src', 'rules'), '.sql')].map((f) => path.basename(f, '.sql')));
    const named = [...COMPLIANCE_MODELS, ...[...SCORE_MODELS.values()].flat(), ...FINE_MODELS];
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((m) => !models.has(m))).toEqual([]);
  });

  it('hands each kind the queries of the SQL models it lists, once per window or period', async () => {
    const signoff = ComplianceRule.parse({ id: 'signed', label: 'Signed', kind: 'signoff' });
    const queried: string[] = [];
    const run = recordingRun(queried);
    expect(await checkCompliance(signoff, run)).toEqual([]);
    expect(queried).toEqual(['check_signoffs']);
    // A period rule: one query per selected period.
    const coverage = ComplianceRule.parse({ id: 'c', label: 'C', kind: 'coverage', level: 'outlet', periods: ['month'], by: {}, share: { op: '>=', value: 60 } });
    const twoMonths = () => [{ id: '2025-01', start: '2025-01-01', end: '2025-01-31' }, { id: '2025-02', start: '2025-02-01', end: '2025-02-28' }];
    await expect(checkCompliance(coverage, { ...run, periods: twoMonths })).resolves.toEqual([]);
    expect(queried).toEqual(['check_signoffs', 'check_coverage', 'check_coverage']);
  });

  it('refuses a kind that queries an SQL model it does not list, before the query runs', async () => {
    // The signoff kind lists only check_signoffs; made to read check_coverage, it is stopped.
    vi.spyOn(signoff, 'check').mockImplementation(async (_rule, run) => {
      await run.query('check_coverage', {});
      return [];
    });
    const queried: string[] = [];
    const rule = ComplianceRule.parse({ id: 'signed', label: 'Signed', kind: 'signoff' });
    await expect(checkCompliance(rule, recordingRun(queried))).rejects.toThrow('compliance kind "signoff" reads the SQL model check_coverage, which it does not list in its models');
    expect(queried).toEqual([]);
  });
});
