/**
 * An hourly inspection cadence (S6 hourly patrol): fixture tests/fixtures/hourly-patrol, lines L1
 * and L2 patrolled on site at least once an hour from 6:00 to 10:00 for at least 5 minutes, on
 * 2 and 3 June. Every finding is worked out by hand.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel, copyFixture, editFile, FIXTURES, readOutputs, refusal } from '../support/fixture.ts';
import { FindingExportRow } from '../../src/pipeline/export-schemas.ts';
import type { Finding } from '../../src/site/model.ts';

describe('inspection cadence per hour', () => {
  let findings: FindingExportRow[];
  let report: Awaited<ReturnType<typeof buildModel>>;
  beforeAll(async () => {
    report = await buildModel(path.join(FIXTURES, 'hourly-patrol'));
    findings = FindingExportRow.array().parse(readOutputs(report).findings);
  });

  it('finds each hour slot of each service day with too few qualifying inspections', () => {
    // L1, 2 June: 06:10, 07:05, 08:59, 09:30 cover 6–7, 7–8, 8–9, 9–10. 3 June: 06:00 covers 6–7;
    // 07:45 lasts 2 minutes (< 5), so 7–8 falls short with it as evidence; 8–9 has none; 09:15 covers 9–10.
    // L2, 2 June: 06:30 and 06:40 both in 6–7, 08:00 in 8–9, 10:00 after the service day: 7–8 and 9–10 short.
    // 3 June: no patrol, all four slots short.
    expect(findings.map((f) => [f.unit_id, f.period_start, f.finding_id.split('-').at(-1), f.observed, f.evidence_ids])).toEqual([
      ['L1', '2025-06-03', '0700', 0, 'P06'],
      ['L1', '2025-06-03', '0800', 0, ''],
      ['L2', '2025-06-02', '0700', 0, ''],
      ['L2', '2025-06-02', '0900', 0, ''],
      ['L2', '2025-06-03', '0600', 0, ''],
      ['L2', '2025-06-03', '0700', 0, ''],
      ['L2', '2025-06-03', '0800', 0, ''],
      ['L2', '2025-06-03', '0900', 0, ''],
    ]);
  });

  it('words the slot and the inspection times on the findings page', () => {
    const siteFindings = JSON.parse(readFileSync(path.join(report.modelDir, 'findings.json'), 'utf8')) as Finding[];
    const short = siteFindings.find((f) => f.entity.id === 'L1' && f.evidence.length > 0);
    expect(short?.messageKey).toBe('finding.inspectionCadence.slot');
    expect(short?.values).toMatchObject({ from: '07:00', to: '08:00', count: 0, required: 1, minMinutes: 5 });
    expect(short?.evidence.map((e) => [e.messageKey, e.values])).toEqual([['evidence.inspection.timed', { method: 'onsite', minutes: 2, inspector: 'Wu', time: '07:45' }]]);
    expect(report.site.methodology.flatMap((s) => s.items)).toContainEqual({
      key: 'method.compliance.inspection.slot',
      values: { rule: 'Hourly patrol', level: 'Line', method: 'onsite', op: '≥', value: 1, minMinutes: 5, hours: 1, from: 6, to: 10 },
    });
  });

  it('refuses an inspection without a time when an hourly rule counts its method and level', async () => {
    const dir = copyFixture('hourly-patrol');
    editFile(dir, 'inspections.csv', (text) => text.replace('P05,2025-06-03,L1,onsite,10,Wu,06:00', 'P05,2025-06-03,L1,onsite,10,Wu,'));
    expect(await refusal(dir)).toMatchObject([
      { line: 6, column: 7, field: 'time', expected: 'a time HH:MM: compliance rule "patrol" counts onsite inspections by the hour', found: 'an empty value' },
    ]);
  });
});
