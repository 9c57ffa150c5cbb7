/** The working-day calendar of a 公示期 (issue 11, §2), against the State Council's arrangements. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkingCalendar, workingDayWindow } from '../../src/config/working-days.ts';
import { BuildError } from '../../src/config/diagnostics.ts';
import { tempDir } from '../support/fixture.ts';

const shipped = readWorkingCalendar(tempDir('calendar'), { holidays: [] });

describe('the shipped calendars', () => {
  it('closes a 5-working-day window opened on Monday 2025-09-29 on the 调休 Saturday 2025-10-11', () => {
    // 9-29 (1), 9-30 (2), National Day 10-1 … 10-8 off, 10-9 (3), 10-10 (4), Saturday 10-11 worked (5).
    expect(workingDayWindow(shipped, '2025-09-29', 5, 'notice_date')).toEqual({ first: '2025-09-29', last: '2025-10-11' });
    // Not counting the opening day: 9-30 (1), 10-9, 10-10, 10-11, then Monday 10-13 (5).
    expect(workingDayWindow(shipped, '2025-09-29', 5, 'next_working_day')).toEqual({ first: '2025-09-30', last: '2025-10-13' });
  });

  it('starts on the next working day when the notice is dated on a holiday', () => {
    // Sunday 2025-09-28 is worked (调休): it counts. Saturday 2025-10-04 is inside the holiday: 10-9 is day 1.
    expect(workingDayWindow(shipped, '2025-09-28', 1, 'notice_date')).toEqual({ first: '2025-09-28', last: '2025-09-28' });
    expect(workingDayWindow(shipped, '2025-10-04', 3, 'notice_date')).toEqual({ first: '2025-10-09', last: '2025-10-11' });
  });

  it('knows 2026: the Spring Festival 2-15 … 2-23, with Saturday 2-28 worked', () => {
    // Friday 2-13 (1), Saturday 2-14 worked (2), 2-15 … 2-23 off, 2-24 (3), 2-25 (4), 2-26 (5).
    expect(workingDayWindow(shipped, '2026-02-13', 5, 'notice_date')).toEqual({ first: '2026-02-13', last: '2026-02-26' });
    expect(shipped.isWorkingDay('2026-02-28')).toBe(true);
    expect(shipped.isWorkingDay('2026-01-02')).toBe(false);
    expect(shipped.yearsWithoutFile()).toEqual([]);
  });

  it('counts weekends only in a year it has no file for, and says so', () => {
    const calendar = readWorkingCalendar(tempDir('calendar'), { holidays: [] });
    // 2030-10-01 is a Tuesday: no holiday is known for 2030.
    expect(workingDayWindow(calendar, '2030-10-01', 5, 'notice_date')).toEqual({ first: '2030-10-01', last: '2030-10-07' });
    expect(calendar.yearsWithoutFile()).toEqual([2030]);
  });
});

describe("a competition's own calendar", () => {
  const competition = (file: string) => {
    const dir = tempDir('holidays');
    writeFileSync(path.join(dir, 'h.yaml'), file);
    return dir;
  };

  it('replaces the shipped year', () => {
    const dir = competition('year: 2025\nholidays:\n  - { name: 店庆, from: 2025-09-30, to: 2025-09-30 }\n');
    const calendar = readWorkingCalendar(dir, { holidays: ['h.yaml'] });
    // National Day is no longer known for 2025: only 9-30 is off.
    expect(workingDayWindow(calendar, '2025-09-29', 3, 'notice_date')).toEqual({ first: '2025-09-29', last: '2025-10-02' });
  });

  it('refuses a date outside its year at its line and column', () => {
    const dir = competition('year: 2026\nholidays:\n  - { name: 元旦, from: 2025-12-31, to: 2026-01-01 }\nworkdays: [2026-01-04]\n');
    try {
      readWorkingCalendar(dir, { holidays: ['h.yaml'] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BuildError);
      expect((error as BuildError).diagnostics).toEqual([
        expect.objectContaining({ line: 3, column: 23, expected: 'a date in 2026, the file\'s year', found: '"2025-12-31"' }),
      ]);
    }
  });
});
