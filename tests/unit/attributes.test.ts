/**
 * Unit and staff attributes: extra CSV columns the config declares, and the rules that read them
 * (targets that depend on an attribute, S10 K: urban outlets ≥ 90, county outlets ≥ 85).
 */
import { describe, expect, it } from 'vitest';
import { buildModel, copyFixture, editFile, readOutputs, refusal } from '../support/fixture.ts';

/** The ranks fixture with an `area` (urban/county) and a numeric `headcount` on each unit. */
function withAreas(units: string): string {
  const dir = copyFixture('ranks');
  editFile(dir, 'units.csv', () => units);
  editFile(dir, 'competition.yaml', (yaml) =>
    yaml
      .replace(
        '    - { id: outlet, label: Outlet }',
        `    - { id: outlet, label: Outlet }
  attributes:
    - { id: area, label: Area, of: units, required: false }
    - { id: headcount, label: Headcount, of: units, type: number }`,
      )
      .replace(
        "targets: [{ score: service, threshold: { op: '>=', value: 105 } }]",
        `targets:
        - { score: service, threshold: { op: '>=', value: 110 }, where: { attribute: area, equals: urban } }
        - { score: service, threshold: { op: '>=', value: 105 }, where: { attribute: area, equals: county } }`,
      ),
  );
  return dir;
}

const UNITS = `unit_id,name,level,parent_id,head_staff_id,area,headcount
B1,Branch one,branch,,,,
B2,Branch two,branch,,,,
O1,Outlet one,outlet,B1,S1,urban,5
O2,Outlet two,outlet,B1,,county,4
O3,Outlet three,outlet,B2,,urban,6
O4,Outlet four,outlet,B2,,county,3
`;

describe('targets from a unit attribute', () => {
  it('gives each outlet the target of its area, met exactly at the limit', async () => {
    const out = readOutputs(await buildModel(withAreas(UNITS)));
    // Phase 1 (January) scores: O1 110, O2 105, O3 105, O4 101.
    // O1 urban: 110 ≥ 110 met (at the limit). O3 urban: 105 < 110 not met.
    // O2 county: 105 ≥ 105 met (at the limit). O4 county: 101 < 105 not met.
    const p1 = out.standings.filter((s) => s.scope_id === 'outlets' && s.period_id === 'p1');
    expect(Object.fromEntries(p1.map((s) => [s.entity_id, s.target_met]))).toEqual({ O1: true, O2: true, O3: false, O4: false });
  });

  it('leaves a subject whose attribute matches no target without one', async () => {
    const out = readOutputs(await buildModel(withAreas(UNITS.replace('O4,Outlet four,outlet,B2,,county,3', 'O4,Outlet four,outlet,B2,,,3'))));
    const o4 = out.standings.find((s) => s.scope_id === 'outlets' && s.period_id === 'p1' && s.entity_id === 'O4')!;
    expect(o4.target_met).toBeNull();
  });
});

describe('attribute columns are checked like any other column', () => {
  it('refuses a number attribute that is not a number, naming file, line and column', async () => {
    const problems = await refusal(withAreas(UNITS.replace('urban,6', 'urban,six')));
    expect(problems).toEqual([expect.objectContaining({ file: expect.stringMatching(/units\.csv$/), line: 6, column: 7, expected: 'a number', found: '"six"' })]);
  });

  it('refuses a column the config does not declare', async () => {
    const dir = withAreas(UNITS.replace('area,headcount', 'area,headcout'));
    const problems = await refusal(dir);
    expect(problems[0]).toEqual(expect.objectContaining({ line: 1, column: 7, found: 'unknown column "headcout"' }));
  });

  it('refuses a target that names an undeclared attribute, at its YAML line', async () => {
    const dir = withAreas(UNITS);
    editFile(dir, 'competition.yaml', (yaml) => yaml.replace('where: { attribute: area, equals: county }', 'where: { attribute: region, equals: county }'));
    const problems = await refusal(dir);
    expect(problems).toEqual([expect.objectContaining({ field: 'periods.list.0.targets.1.where.attribute', line: 31, found: '"region"' })]);
  });
});
