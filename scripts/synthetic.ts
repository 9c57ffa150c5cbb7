/**
 * Deterministic synthetic competition data: a seeded random source, CSV files written in chunks,
 * and the day-by-day activity of outlets (inspections, violations found by them, complaints,
 * praise, monthly surveys, quarterly checks). The sample and the benchmark both use it.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { csvLine } from '../src/site/csv.ts';
import { TABLES } from '../src/config/tables.ts';
import type { TableName } from '../src/config/schema.ts';

/** mulberry32: small, fast and good enough for plausible data; the same seed gives the same data. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A count with the given mean: its whole part, plus one more with the fraction's chance. */
  count(mean: number): number {
    const whole = Math.floor(mean);
    return whole + (this.chance(mean - whole) ? 1 : 0);
  }
}

/** Writes one table's CSV in chunks, with the header of src/config/tables.ts. */
export class TableWriter {
  private readonly fd: number;
  private buffer = '';
  readonly columns: string[];
  rows = 0;
  constructor(file: string, table: TableName) {
    mkdirSync(path.dirname(file), { recursive: true });
    this.fd = openSync(file, 'w');
    this.columns = TABLES[table].columns.map((c) => c.name);
    this.buffer = csvLine(this.columns);
  }
  write(row: Record<string, string | number>): void {
    this.buffer += csvLine(this.columns.map((c) => row[c] ?? ''));
    this.rows++;
    if (this.buffer.length > 1 << 20) this.flush();
  }
  private flush(): void {
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲丹宁鹏辉建国斌雪琳晶婷欣怡浩宇子涵思雨梓轩佳琪博文一诺晨曦嘉怡俊杰海燕志强春梅文静晓东';

/** Distinct Chinese names: surname plus one or two given-name characters. */
export function* chineseNames(random: Random): Generator<string> {
  const used = new Set<string>();
  for (;;) {
    const length = random.chance(0.7) ? 2 : 1;
    let name = random.pick([...SURNAMES]);
    for (let i = 0; i < length; i++) name += random.pick([...GIVEN]);
    if (used.has(name)) continue;
    used.add(name);
    yield name;
  }
}

export interface Outlet {
  id: string;
  /** Staff who can be the subject of an event at this outlet. */
  staff: string[];
  /** 0 (poor) to 1 (excellent): shifts complaint, praise and violation rates and check scores. */
  quality: number;
}

export interface ActivityOptions {
  dir: string;
  random: Random;
  outlets: Outlet[];
  start: string;
  /** No record after this day. */
  end: string;
  /** Inspections start this day (the mobilisation phase has none). */
  inspectionsFrom: string;
  /** Average events per outlet per week, all types together. */
  eventsPerOutletWeek: number;
  /** Add `note` remarks to some events (internal field). */
  notes: boolean;
}

const DAY = 86_400_000;
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
const COMPLAINT_SOURCES = ['客户来信', '95588热线工单', '网点意见簿', '客户当面反映', '微信公众号留言'];
const PRAISE_SOURCES = ['客户表扬信', '锦旗', '95588热线表扬', '微信公众号留言', '客户当面致谢'];
const VIOLATIONS = ['迟到', '早退', '离岗未放暂停牌', '上班时间闲聊', '柜台内吃东西', '着装不规范', '未使用文明用语'];
const NOTES = ['已约谈本人', '客户已回访满意', '经理已复核', '整改已完成', '待二次核实'];
const INSPECTORS = ['周建国', '吴晓东', '郑春梅', '孙海燕', '马志强'];

/**
 * Writes events/, inspections/ (one file a month), surveys.csv and checks.csv for the outlets.
 * Violations are found by that day's inspections and cite them; about one outlet-week in
 * twenty misses an inspection and a few months survey fewer than 10 customers, so the
 * compliance checks have something to find.
 */
export function writeActivity(o: ActivityOptions): Record<string, number> {
  const { random } = o;
  const counts = { events: 0, inspections: 0, surveys: 0, checks: 0 };
  const surveys = new TableWriter(path.join(o.dir, 'surveys.csv'), 'surveys');
  const checks = new TableWriter(path.join(o.dir, 'checks.csv'), 'checks');
  const startTime = Date.parse(`${o.start}T00:00:00Z`);
  const endTime = Date.parse(`${o.end}T00:00:00Z`);
  // Violations come with inspections; the rest of a week's events are complaints and praise.
  const violationsPerInspection = 0.35;
  const otherPerDay = Math.max(0, (o.eventsPerOutletWeek - 6 * violationsPerInspection) / 7);
  let events: TableWriter | null = null;
  let inspections: TableWriter | null = null;
  let month = '';
  let eventNo = 0;
  /** Per outlet, what this week's inspections will be; decided on Monday. */
  const weekPlan = new Map<string, { onsiteDay: number; videoSlots: number; shortSlot: boolean }>();

  for (let time = startTime; time <= endTime; time += DAY) {
    const day = iso(time);
    if (day.slice(0, 7) !== month) {
      events?.close();
      inspections?.close();
      month = day.slice(0, 7);
      events = new TableWriter(path.join(o.dir, 'events', `${month}.csv`), 'events');
      inspections = new TableWriter(path.join(o.dir, 'inspections', `${month}.csv`), 'inspections');
    }
    const weekday = (new Date(time).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
    const compact = day.replaceAll('-', '').slice(2);
    for (const [index, outlet] of o.outlets.entries()) {
      if (weekday === 0 || !weekPlan.has(outlet.id)) {
        const missOnsite = random.chance(0.03);
        weekPlan.set(outlet.id, {
          onsiteDay: missOnsite ? -1 : index % 5,
          videoSlots: random.chance(0.03) ? 4 : random.chance(0.3) ? 6 : 5,
          shortSlot: random.chance(0.015),
        });
      }
      const plan = weekPlan.get(outlet.id)!;
      const todays: { id: string; method: 'onsite' | 'video' }[] = [];
      if (day >= o.inspectionsFrom && weekday < 5) {
        if (plan.onsiteDay === weekday) todays.push({ id: `I${compact}-${outlet.id}-S`, method: 'onsite' });
        if (weekday < Math.min(plan.videoSlots, 5)) todays.push({ id: `I${compact}-${outlet.id}-V${weekday}`, method: 'video' });
        if (plan.videoSlots === 6 && weekday === 2) todays.push({ id: `I${compact}-${outlet.id}-VX`, method: 'video' });
      }
      for (const inspection of todays) {
        const short = inspection.method === 'video' && plan.shortSlot && weekday === 4;
        inspections!.write({
          inspection_id: inspection.id,
          date: day,
          unit_id: outlet.id,
          method: inspection.method,
          minutes: inspection.method === 'onsite' ? random.int(30, 90) : short ? 3 : random.int(5, 20),
          inspector: random.pick(INSPECTORS),
        });
        counts.inspections++;
        const found = random.count(violationsPerInspection * (1.6 - outlet.quality));
        for (let v = 0; v < found; v++) {
          events!.write({
            event_id: `E${String(++eventNo).padStart(7, '0')}`,
            date: day,
            type: 'violation',
            staff_id: random.pick(outlet.staff),
            status: 'verified',
            source: `${inspection.method === 'onsite' ? '现场检查' : '视频检查'} ${inspection.id}：${random.pick(VIOLATIONS)}`,
            note: o.notes && random.chance(0.2) ? random.pick(NOTES) : '',
          });
        }
      }
      const others = random.count(otherPerDay);
      for (let e = 0; e < others; e++) {
        const complaint = random.chance(0.45 - 0.3 * outlet.quality);
        const aboutOutlet = complaint && random.chance(0.1);
        const status = complaint ? (random.chance(0.7) ? 'verified' : random.chance(0.5) ? 'unverified' : 'pending') : 'verified';
        events!.write({
          event_id: `E${String(++eventNo).padStart(7, '0')}`,
          date: day,
          type: complaint ? 'complaint' : 'praise',
          unit_id: aboutOutlet ? outlet.id : '',
          staff_id: aboutOutlet ? '' : random.pick(outlet.staff),
          points: complaint ? random.pick([1, 1, 2, 2, 3, 4, 5, 6, 8, 10]) : random.pick([1, 1, 1, 2, 2, 3, 5]),
          status,
          source: random.pick(complaint ? COMPLAINT_SOURCES : PRAISE_SOURCES),
          note: o.notes && random.chance(0.15) ? random.pick(NOTES) : '',
        });
      }
      const monthEnd = iso(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0));
      if (day === (monthEnd < o.end ? monthEnd : o.end) && day.slice(8) >= '20') {
        const asked = random.chance(0.05) ? random.int(8, 9) : 10;
        const satisfied = Math.min(asked, Math.round(asked * (0.5 + 0.45 * outlet.quality) + random.int(-1, 1)));
        const unsatisfied = Math.min(asked - satisfied, random.chance(0.6 - 0.5 * outlet.quality) ? random.int(1, 2) : 0);
        surveys.write({ survey_id: `SV${compact}-${outlet.id}`, date: day, unit_id: outlet.id, satisfied, neutral: asked - satisfied - unsatisfied, unsatisfied });
        counts.surveys++;
      }
      if (['03', '06', '09', '12'].includes(day.slice(5, 7)) && day.slice(8) === '15' && day >= o.inspectionsFrom) {
        const score = Math.min(99.5, Math.round((80 + 17 * outlet.quality + random.next() * 4) * 10) / 10);
        checks.write({
          check_id: `C${compact}-${outlet.id}`,
          date: day,
          unit_id: outlet.id,
          kind: 'quarterly',
          score,
          checker: random.pick(INSPECTORS),
          signed_by: random.chance(0.05) ? '' : '刘志远',
        });
        counts.checks++;
      }
    }
  }
  events?.close();
  inspections?.close();
  surveys.close();
  checks.close();
  counts.events = eventNo;
  return counts;
}
