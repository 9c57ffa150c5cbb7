/**
 * S2 (docs/schemes.md), data/examples/s2-subbranch-annual.
 * Outlet checks: H1 W1 95, W2 92, W3 90, W4 88, W5 85; H2 W1 93, W2 96, W3 89, W4 90, W5 84.
 * Year = 0.5 × H1 + 0.5 × H2: W1 94, W2 94, W3 89.5, W4 89, W5 84.5.
 * Staff S21 of W2 has a valid head-office complaint on 2025-11-05 (cascades to W2).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { buildModel, readOutputs } from '../support/fixture.ts';
import type { Notice } from '../../src/site/model.ts';

/** The day the example's last notice is dated: every notice is out. */
const PUBLISHED_ON = '2026-01-10';

let notices: Notice[];
let standings: ReturnType<typeof readOutputs>['standings'];
const section = (noticeId: string, label: string) => notices.find((n) => n.id === noticeId)!.sections.find((s) => s.label === label)!;
const ids = (noticeId: string, label: string) => section(noticeId, label).rows.map((r) => r.entity.id);

describe('S2 sub-branch annual competition', () => {
  beforeAll(async () => {
    const out = readOutputs(await buildModel(path.resolve('data/examples/s2-subbranch-annual'), PUBLISHED_ON));
    notices = out.notices;
    standings = out.standings;
  });

  it('counts the half-year in the annual total', () => {
    // W1 0.5×95 + 0.5×93 = 94; W2 0.5×92 + 0.5×96 = 94; W3 89.5; W4 89; W5 84.5.
    const year = Object.fromEntries(standings.filter((s) => s.scope_id === 'outlets-year').map((s) => [s.entity_id, s.score]));
    expect(year).toEqual({ W1: 94, W2: 94, W3: 89.5, W4: 89, W5: 84.5 });
  });

  it('gives the half-year per-capita business volume award by volume ÷ staff', () => {
    // W1 300/3 = 100, W2 240/2 = 120, W3 270/3 = 90, W4 200/1 = 200, W5 150/2 = 75 → W4, W2
    // (W1 has the largest total volume but not per head).
    expect(ids('half-h1', '网点人均业务量奖')).toEqual(['W4', 'W2']);
    expect(section('half-h1', '网点人均业务量奖').amount).toBe(1000);
    expect(ids('half-h1', '半年集体奖')).toEqual(['W1', 'W2']);
  });

  it('vetoes the outlet and the person with a valid head-office complaint from annual awards', () => {
    // Year: W1 94, W2 94 (vetoed), W3 89.5 → W1, W3.
    const collective = section('annual-year', '先进集体');
    expect(collective.rows.map((r) => [r.entity.id, r.rank])).toEqual([['W1', 1], ['W3', 3]]);
    expect(collective.ineligible.map((r) => [r.entity.id, r.reasons.map((x) => x.label)])).toEqual([['W2', ['发生总行有效投诉（一票否决）']]]);
    // Staff year = 0.5 × H1 + 0.5 × H2: S11 (106 + 100)/2 = 103, S21 (100 + 110)/2 = 105 (vetoed),
    // S31 (104 + 104)/2 = 104, S41 (100 + 102)/2 = 101 → S31, S11.
    expect(ids('annual-year', '服务明星')).toEqual(['S31', 'S11']);
    expect(section('annual-year', '服务明星').ineligible.map((r) => r.entity.id)).toEqual(['S21']);
  });

  it('names three operations experts; the veto reads each person’s own complaints', () => {
    // Contest: S12 95, S32 90, S22 88 (W2, but no complaint of his own), S51 85, S41 80.
    expect(ids('annual-whole', '业务操作能手')).toEqual(['S12', 'S32', 'S22']);
  });

  it('lists the grievance award the leadership selected from the nominations', () => {
    // Nominated S13, S33, S52; selected S13 and S52.
    expect(ids('annual-year', '委屈奖')).toEqual(['S13', 'S52']);
  });

  it('penalises the bottom three outlets of the year', () => {
    // From the bottom: W5 84.5, W4 89, W3 89.5, 1000 each.
    expect(ids('annual-year', '全年后三名网点')).toEqual(['W5', 'W4', 'W3']);
    expect(section('annual-year', '全年后三名网点').amount).toBe(1000);
  });
});
