/**
 * Each way a clerk's commit can be wrong gets a refusal that names the file, the line, the
 * column or field, what was expected and what was found.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel, copyFixture, editFile, FIXTURES, refusal } from '../support/fixture.ts';
import { displayPath } from '../../src/config/diagnostics.ts';
import { readFileSync } from 'node:fs';

const EVENTS = 'events.csv';
const relative = (dir: string, file: string) => displayPath(path.join(dir, file));

/** Replaces the line of event `id` in events.csv. */
const replaceEvent = (dir: string, id: string, line: string) =>
  editFile(dir, EVENTS, (text) => text.replace(new RegExp(`^${id},.*$`, 'm'), line));

describe('bad CSV input is refused with file, line, column, expected and found', () => {
  it('a missing required column', async () => {
    const dir = copyFixture('s1-worked');
    editFile(dir, EVENTS, (text) => text.replaceAll(/,(verified|unverified|status)(?=,)/g, ''));
    const [problem, ...rest] = await refusal(dir);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: relative(dir, EVENTS), line: 1 });
    expect(problem!.expected).toContain('required column "status"');
    expect(problem!.found).toContain('event_id,date,type,unit_id,staff_id,points,source');
  });

  it('an extra column', async () => {
    const dir = copyFixture('s1-worked');
    editFile(dir, EVENTS, (text) => text.replace('status,source', 'status,colour,source').replaceAll(/(verified,)/g, '$1red,'));
    const problems = await refusal(dir);
    expect(problems).toEqual([expect.objectContaining({ file: relative(dir, EVENTS), line: 1, column: 8, found: 'unknown column "colour"' })]);
  });

  it('a bad date', async () => {
    const dir = copyFixture('s1-worked');
    replaceEvent(dir, 'E3', 'E3,2009/08/20,praise,,S1,5,verified,客户表扬信');
    expect(await refusal(dir)).toEqual([
      { file: relative(dir, EVENTS), line: 4, column: 2, field: 'date', expected: 'a date written YYYY-MM-DD', found: '"2009/08/20": write it 2009-08-20, or accept this form with table_formats: { events: { dates: { date: [slash] } } } in competition.yaml' },
    ]);
  });

  it('a date that does not exist', async () => {
    const dir = copyFixture('s1-worked');
    replaceEvent(dir, 'E3', 'E3,2009-09-31,praise,,S1,5,verified,客户表扬信');
    expect(await refusal(dir)).toEqual([expect.objectContaining({ line: 4, field: 'date', found: '"2009-09-31"' })]);
  });

  it('a date outside the competition', async () => {
    const dir = copyFixture('s1-worked');
    replaceEvent(dir, 'E3', 'E3,2009-12-01,praise,,S1,5,verified,客户表扬信');
    expect(await refusal(dir)).toEqual([
      { file: relative(dir, EVENTS), line: 4, column: 2, field: 'date', expected: 'a date inside the competition, 2009-08-01 – 2009-11-10', found: '"2009-12-01"' },
    ]);
  });

  it('an unknown staff ID and an unknown unit ID', async () => {
    const dir = copyFixture('s1-worked');
    replaceEvent(dir, 'E3', 'E3,2009-08-20,praise,,S9,5,verified,客户表扬信');
    replaceEvent(dir, 'E4', 'E4,2009-08-25,complaint,B,,6,unverified,未核实投诉');
    expect(await refusal(dir)).toEqual([
      { file: relative(dir, EVENTS), line: 4, column: 5, field: 'staff_id', expected: 'a staff_id from the staff table', found: 'no staff "S9"' },
      { file: relative(dir, EVENTS), line: 5, column: 4, field: 'unit_id', expected: 'a unit_id from the units table', found: 'no unit "B"' },
    ]);
  });

  it('a duplicate event ID, reported at the second occurrence', async () => {
    const dir = copyFixture('s1-worked');
    replaceEvent(dir, 'E4', 'E1,2009-08-25,complaint,,S1,6,unverified,未核实投诉');
    expect(await refusal(dir)).toEqual([
      expect.objectContaining({ line: 5, column: 1, field: 'event_id', expected: 'an event_id used once across all event files', found: '"E1" again' }),
    ]);
  });

  it('points outside the event type’s range, and points on a fixed-point type', async () => {
    const dir = copyFixture('s1-worked');
    replaceEvent(dir, 'E1', 'E1,2009-08-05,complaint,,S1,11,verified,客户来信');
    replaceEvent(dir, 'E2', 'E2,2009-08-12,violation,,S1,5,verified,现场检查：迟到');
    expect(await refusal(dir)).toEqual([
      expect.objectContaining({ line: 2, column: 6, field: 'points', expected: 'points from 1 to 10 for type "complaint"', found: '"11"' }),
      expect.objectContaining({ line: 3, column: 6, field: 'points', expected: 'an empty value or 3: type "violation" has fixed points', found: '"5"' }),
    ]);
  });

  it('an unknown event type', async () => {
    const dir = copyFixture('s1-worked');
    replaceEvent(dir, 'E3', 'E3,2009-08-20,compliment,,S1,5,verified,客户表扬信');
    expect(await refusal(dir)).toEqual([
      expect.objectContaining({ line: 4, column: 3, field: 'type', expected: 'an event type from event_types: complaint, praise, violation', found: '"compliment"' }),
    ]);
  });

  it('an empty file', async () => {
    const dir = copyFixture('s1-worked');
    writeFileSync(path.join(dir, EVENTS), '');
    const [problem] = await refusal(dir);
    expect(problem).toMatchObject({ file: relative(dir, EVENTS), line: 1, found: 'an empty file' });
    expect(problem!.expected).toContain('a header line: event_id,date,type');
  });

  it('an ID with path characters in it', async () => {
    const dir = copyFixture('s1-worked');
    editFile(dir, 'staff.csv', (text) => text.replace('S1,张三', '../S1,张三'));
    const problems = await refusal(dir);
    expect(problems[0]).toMatchObject({ file: relative(dir, 'staff.csv'), line: 2, column: 1, field: 'staff_id', found: '"../S1"' });
    expect(problems[0]!.expected).toContain('no "/"');
  });

  it('a row with too many fields', async () => {
    const dir = copyFixture('s1-worked');
    replaceEvent(dir, 'E3', 'E3,2009-08-20,praise,,S1,5,verified,客户,表扬信,多余');
    expect(await refusal(dir)).toEqual([expect.objectContaining({ file: relative(dir, EVENTS), line: 4, found: '"E3,2009-08-20,praise,,S1,5,verified,客户,表扬信,多余"' })]);
  });

  it('counts physical lines when a quoted field spans several', async () => {
    const dir = copyFixture('s1-worked');
    replaceEvent(dir, 'E1', 'E1,2009-08-05,complaint,,S1,4,verified,"客户来信\n第二行\n第三行"');
    replaceEvent(dir, 'E3', 'E3,2009-08-20,praise,,S1,50,verified,客户表扬信');
    expect(await refusal(dir)).toEqual([expect.objectContaining({ line: 6, field: 'points', found: '"50"' })]);
  });

  it('collects every row error of a run, not just the first', async () => {
    const dir = copyFixture('s1-worked');
    editFile(dir, EVENTS, (text) => text.replaceAll(',2009-08-', ',2009-13-'));
    const problems = await refusal(dir);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4, 5]);
  });
});

describe('encodings a clerk’s spreadsheet produces', () => {
  it('accepts a UTF-8 file with a byte-order mark', async () => {
    const dir = copyFixture('s1-worked');
    editFile(dir, EVENTS, (text) => `\uFEFF${text}`);
    const report = await buildModel(dir);
    expect(report.notes).toEqual([]);
    expect(report.site.counts.events).toBe(4);
  });

  it('reads a GB18030 (GBK) file as Excel saves it, and says so', async () => {
    const dir = copyFixture('s1-worked');
    writeFileSync(path.join(dir, 'staff.csv'), readFileSync(path.join(FIXTURES, 'encodings', 'staff-gb18030.csv')));
    const report = await buildModel(dir);
    expect(report.notes).toEqual([expect.stringContaining('read as GB18030')]);
    const staffPage = JSON.parse(readFileSync(path.join(report.modelDir, 'staff', 'S1.json'), 'utf8'));
    expect(staffPage.entity.name).toBe('张三');
  });

  it('refuses bytes that are neither UTF-8 nor GB18030, saying how to convert', async () => {
    const dir = copyFixture('s1-worked');
    writeFileSync(path.join(dir, 'staff.csv'), Buffer.from([0x73, 0x74, 0x61, 0x66, 0x66, 0x0a, 0x81, 0x20, 0xff, 0xfe, 0x0a]));
    const [problem] = await refusal(dir);
    expect(problem).toMatchObject({ file: relative(dir, 'staff.csv') });
    expect(problem!.found).toContain('CSV UTF-8');
  });
});

describe('config errors point at the YAML line', () => {
  it('an unknown key', async () => {
    const dir = copyFixture('s1-worked');
    editFile(dir, 'competition.yaml', (text) => text.replace('locale: zh-CN', 'locale: zh-CN\ncolour: red'));
    expect(await refusal(dir)).toEqual([
      expect.objectContaining({ file: relative(dir, 'competition.yaml'), line: 6, found: 'unknown key(s) "colour"' }),
    ]);
  });

  it('a wrong type', async () => {
    const dir = copyFixture('s1-worked');
    editFile(dir, 'competition.yaml', (text) => text.replace('base: 100', 'base: hundred'));
    const [problem] = await refusal(dir);
    expect(problem).toMatchObject({ file: relative(dir, 'competition.yaml'), line: 22, field: 'scores.0.base', found: '"hundred"' });
    expect(problem!.expected).toContain('number');
  });

  it('a reference to something the config does not declare', async () => {
    const dir = copyFixture('s1-worked');
    editFile(dir, 'competition.yaml', (text) => text.replace('score: points, subject: outlet', 'score: point, subject: outlet'));
    const [problem] = await refusal(dir);
    expect(problem).toMatchObject({ field: 'rankings.0.score', found: '"point"', expected: 'one of "points"' });
    expect(problem!.line).toBe(39);
  });

  it('a YAML syntax error', async () => {
    const dir = copyFixture('s1-worked');
    editFile(dir, 'competition.yaml', (text) => text.replace('start: 2009-08-01', 'start: [2009-08-01'));
    const [problem] = await refusal(dir);
    expect(problem).toMatchObject({ file: relative(dir, 'competition.yaml'), expected: 'valid YAML' });
    expect(problem!.line).toBeGreaterThan(0);
  });
});
