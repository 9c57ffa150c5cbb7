/**
 * The working-day calendar a 公示期 is counted in: Monday to Friday, less China's statutory
 * holidays, plus the Saturdays and Sundays worked in their place (调休). One YAML file a year:
 * Podium ships calendar/cn/<year>.yaml from the State Council's published arrangements, and a
 * competition's own file for a year (config `holidays`) replaces the shipped one.
 */
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { locateInConfig, readYamlFile, type Problem } from './read.ts';
import { IsoDate, type CompetitionConfig, type FIRST_DAYS } from './schema.ts';
import { checkFile } from './paths.ts';
import { BuildError, displayPath, shown } from './diagnostics.ts';

export const SHIPPED_CALENDARS = fileURLToPath(new URL('../../calendar/cn/', import.meta.url));

const HolidayFile = z.strictObject({
  year: z.int().min(2000).max(2100),
  /** The arrangement it copies, e.g. 国办发明电〔2024〕12号. */
  source: z.string().min(1).optional(),
  holidays: z.array(z.strictObject({ name: z.string().min(1), from: IsoDate, to: IsoDate })).default([]),
  workdays: z.array(IsoDate).default([]),
});
type HolidayFile = z.infer<typeof HolidayFile>;

/** Every date of a holiday file lies in its year, each span runs forward, and no day is both a holiday and a workday. */
function holidayFileProblems(file: HolidayFile): Problem[] {
  const problems: Problem[] = [];
  const inYear = (day: string) => day.startsWith(`${file.year}-`);
  const offDays = new Set<string>();
  file.holidays.forEach((h, i) => {
    for (const key of ['from', 'to'] as const) {
      if (!inYear(h[key])) problems.push({ path: ['holidays', i, key], expected: `a date in ${file.year}, the file's year`, found: shown(h[key]) });
    }
    if (h.to < h.from) problems.push({ path: ['holidays', i, 'to'], expected: `a date on or after ${h.from}`, found: shown(h.to) });
    for (let day = h.from; day <= h.to; day = nextDay(day)) offDays.add(day);
  });
  file.workdays.forEach((day, i) => {
    if (!inYear(day)) problems.push({ path: ['workdays', i], expected: `a date in ${file.year}, the file's year`, found: shown(day) });
    else if (offDays.has(day)) problems.push({ path: ['workdays', i], expected: 'a worked day that is not also a holiday', found: `${day}, inside a holiday` });
  });
  return problems;
}

export interface WorkingCalendar {
  isWorkingDay(day: string): boolean;
  /** Years a date was asked about that have no holiday file: counted with weekends only. */
  yearsWithoutFile(): number[];
}

/** The shipped calendars, then the competition's own, each year's file replacing the one before. */
export function readWorkingCalendar(dir: string, config: Pick<CompetitionConfig, 'holidays'>): WorkingCalendar {
  const years = new Map<number, HolidayFile>();
  for (const name of readdirSync(SHIPPED_CALENDARS).filter((f) => f.endsWith('.yaml')).sort()) {
    const file = path.join(SHIPPED_CALENDARS, name);
    const read = readYamlFile(file, displayPath(file), HolidayFile, holidayFileProblems);
    years.set(read.year, read);
  }
  const realDir = realpathSync(dir);
  config.holidays.forEach((name, i) => {
    const file = path.join(dir, name);
    const checked = existsSync(file) ? checkFile(file, realDir) : { found: 'no such file' };
    if ('found' in checked) {
      throw new BuildError('config', [{ ...locateInConfig(dir, ['holidays', i]), field: `holidays.${i}`, expected: 'a holiday calendar (YAML) inside the competition folder', found: `${shown(name)}: ${checked.found}` }]);
    }
    const read = readYamlFile(checked.real, displayPath(file), HolidayFile, holidayFileProblems);
    years.set(read.year, read);
  });
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const file of years.values()) {
    for (const h of file.holidays) for (let day = h.from; day <= h.to; day = nextDay(day)) holidays.add(day);
    for (const day of file.workdays) workdays.add(day);
  }
  const missing = new Set<number>();
  return {
    isWorkingDay(day) {
      const year = Number(day.slice(0, 4));
      if (!years.has(year)) missing.add(year);
      if (workdays.has(day)) return true;
      if (holidays.has(day)) return false;
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      return weekday !== 0 && weekday !== 6;
    },
    yearsWithoutFile: () => [...missing].sort(),
  };
}

export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * A window of `workingDays` working days that opens on `opens`: its first and last day.
 * With `notice_date` the opening day is day 1 when it is a working day (else the next working
 * day is); with `next_working_day` day 1 is the first working day after it.
 */
export function workingDayWindow(calendar: WorkingCalendar, opens: string, workingDays: number, firstDay: (typeof FIRST_DAYS)[number]): { first: string; last: string } {
  let day = firstDay === 'notice_date' ? opens : nextDay(opens);
  while (!calendar.isWorkingDay(day)) day = nextDay(day);
  const first = day;
  for (let counted = 1; counted < workingDays; counted++) {
    day = nextDay(day);
    while (!calendar.isWorkingDay(day)) day = nextDay(day);
  }
  return { first, last: day };
}
