/**
 * The benchmark competition: a branch in 4 levels (branch → district → sub-branch → outlet),
 * staff in the outlets, and a year of activity, at any size.
 */
import { closeSync, mkdirSync, openSync, readSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { z } from 'zod';
import type { CompetitionConfig } from '../src/config/schema.ts';
import { chineseNames, Random, TableWriter, writeActivity, type Outlet } from './synthetic.ts';

export interface BenchSizes {
  outlets: number;
  staff: number;
  events: number;
  months: number;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export async function writeBenchCompetition(dir: string, sizes: BenchSizes): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const end = new Date(Date.UTC(2025, sizes.months, 0)).toISOString().slice(0, 10);
  writeFileSync(path.join(dir, 'competition.yaml'), stringify(benchConfig(end)));

  const random = new Random(2025);
  const names = chineseNames(random);
  const units = new TableWriter(path.join(dir, 'units.csv'), 'units');
  const staff = new TableWriter(path.join(dir, 'staff.csv'), 'staff');
  const districts = Math.max(1, Math.round(sizes.outlets / 100));
  const subbranches = Math.max(1, Math.round(sizes.outlets / 10));
  units.write({ unit_id: 'BR', name: '分行', level: 'branch' });
  for (let d = 1; d <= districts; d++) units.write({ unit_id: `D${pad(d, 3)}`, name: `第${d}片区`, level: 'district', parent_id: 'BR' });
  for (let s = 1; s <= subbranches; s++) units.write({ unit_id: `SB${pad(s, 4)}`, name: `第${s}支行`, level: 'subbranch', parent_id: `D${pad(((s - 1) % districts) + 1, 3)}` });
  const outlets: Outlet[] = [];
  let staffNo = 0;
  for (let o = 1; o <= sizes.outlets; o++) {
    const id = `O${pad(o, 5)}`;
    const members: string[] = [];
    const size = Math.floor((sizes.staff * o) / sizes.outlets) - Math.floor((sizes.staff * (o - 1)) / sizes.outlets);
    for (let k = 0; k < size; k++) {
      const staffId = `S${pad(++staffNo, 6)}`;
      // Names repeat past a few hundred thousand people; a large bank has namesakes too.
      staff.write({ staff_id: staffId, name: staffNo < 150_000 ? (names.next().value as string) : `员工${staffNo}`, unit_id: id, role: k === 0 ? '网点负责人' : '柜员' });
      members.push(staffId);
    }
    units.write({ unit_id: id, name: `第${o}网点`, level: 'outlet', parent_id: `SB${pad(((o - 1) % subbranches) + 1, 4)}`, head_staff_id: members[0] ?? '' });
    outlets.push({ id, staff: members.length > 0 ? members : [], quality: random.next() });
  }
  units.close();
  staff.close();
  const weeks = (sizes.months * 365) / 12 / 7;
  writeActivity({
    dir,
    random,
    outlets: outlets.filter((o) => o.staff.length > 0),
    start: '2025-01-01',
    end,
    inspectionsFrom: '2025-01-06',
    eventsPerOutletWeek: sizes.events / sizes.outlets / weeks,
    notes: false,
  });
}

function benchConfig(end: string): z.input<typeof CompetitionConfig> {
  const half = end > '2025-06-30';
  return {
    id: 'bench',
    name: '基准测试分行服务竞赛',
    issuer: '基准测试分行',
    locale: 'zh-CN',
    start: '2025-01-01',
    end,
    org: {
      levels: [
        { id: 'branch', label: '分行' },
        { id: 'district', label: '片区' },
        { id: 'subbranch', label: '支行' },
        { id: 'outlet', label: '网点' },
      ],
    },
    tables: { units: 'units.csv', staff: 'staff.csv', events: 'events/*.csv', surveys: 'surveys.csv', checks: 'checks.csv', inspections: 'inspections/*.csv' },
    periods: {
      calendar: ['month', 'quarter'],
      list: [
        { id: 'h1', kind: 'half', label: '上半年', start: '2025-01-01', end: half ? '2025-06-30' : end },
        ...(half
          ? [
              { id: 'h2', kind: 'half' as const, label: '下半年', start: '2025-07-01', end },
              { id: 'year', kind: 'year' as const, label: '全年', combine: [{ period: 'h1', weight: 0.5 }, { period: 'h2', weight: 0.5 }] },
            ]
          : []),
      ],
    },
    scores: [
      { id: 'service', label: '服务积分', model: 'ledger', base: 100, subjects: ['outlet', 'staff'] },
      { id: 'inspection', label: '季度检查', model: 'check_average', subjects: ['outlet'] },
    ],
    event_types: [
      { id: 'complaint', label: '客户投诉', score: 'service', effect: 'deduct', points: { min: 1, max: 10 }, verified_only: true },
      { id: 'praise', label: '客户表扬', score: 'service', effect: 'add', points: { min: 1, max: 10 } },
      { id: 'violation', label: '检查违规', score: 'service', effect: 'deduct', points: { fixed: 3 }, cascade: [{ to: { head_of: 'outlet' }, points: 4 }] },
    ],
    surveys: { label: '客户回访', score: 'service', points: { satisfied: 2, neutral: 0, unsatisfied: -2 } },
    // The year is a period only when the competition reaches the second half: a ranking may name only periods it has.
    rankings: [
      { id: 'outlets', label: '网点排名', score: 'service', subject: 'outlet', periods: ['month', 'quarter', 'half', ...(half ? ['year'] : [])] },
      { id: 'outlets-in-district', label: '片区内网点排名', score: 'service', subject: 'outlet', within: 'district', periods: ['quarter'] },
      { id: 'staff', label: '员工排名', score: 'service', subject: 'staff', periods: ['quarter', 'half', ...(half ? ['year'] : [])] },
    ],
    awards: [{ id: 'stars', label: '服务标兵', ranking: 'staff', period: 'h1', places: 10, amount: 50 }],
    notices: [{ id: 'half', title: '考评结果公示', periods: ['half'], rankings: ['outlets'], awards: ['stars'] }],
    compliance: [
      { id: 'weekly-onsite', label: '每周现场检查', kind: 'inspection_cadence', level: 'outlet', method: 'onsite', per: 'week', count: { op: '>=', value: 1 } },
      { id: 'monthly-survey', label: '每月回访', kind: 'survey_count', level: 'outlet', per: 'month', respondents: { op: '>=', value: 10 } },
    ],
  };
}

/** The column names of a CSV file the bench wrote, or of the sample's: its first line, plain names without quotes, read alone. */
export function csvHeader(file: string): string[] {
  const fd = openSync(file, 'r');
  try {
    const start = Buffer.alloc(64 * 1024);
    const text = start.subarray(0, readSync(fd, start, 0, start.length, 0)).toString('utf8');
    return text.slice(0, text.indexOf('\n')).replace(/^\uFEFF/, '').replace(/\r$/, '').split(',');
  } finally {
    closeSync(fd);
  }
}
