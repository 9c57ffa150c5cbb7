/**
 * A configured ranking whose subjects the data do not hold (no department in units.csv, no one in
 * staff.csv) publishes no page: the build says so instead of leaving it out unsaid.
 */
import { describe, expect, it } from 'vitest';
import { buildModel, copyFixture, editFile } from '../support/fixture.ts';

describe('a ranking with no one to rank', () => {
  it('is noted by name, with what the data lack, and the others are ranked as before', async () => {
    const dir = copyFixture('s1-worked');
    editFile(dir, 'units.csv', () => 'unit_id,name,level,parent_id,head_staff_id\nA,网点A,outlet,,S2\n');
    editFile(dir, 'staff.csv', () => 'staff_id,name,unit_id,role\nS1,张三,A,柜员\nS2,李四,A,网点负责人\n');
    // E2's cascade to a department has no department to reach: noted as ever.
    const report = await buildModel(dir);
    expect(report.notes).toContain('ranking departments: the data hold no unit at level department to rank, so it has no page');
    expect(report.notes.filter((note) => note.startsWith('ranking '))).toHaveLength(1);
    expect(new Set(report.site.rankingPages.map((r) => r.rankingId))).toEqual(new Set(['outlets', 'staff']));
  });

  it('notes a staff ranking when staff.csv names no one', async () => {
    const dir = copyFixture('s1-worked');
    editFile(dir, 'staff.csv', () => 'staff_id,name,unit_id,role\n');
    editFile(dir, 'units.csv', (text) => text.replace(',S2\n', ',\n'));
    editFile(dir, 'events.csv', () => 'event_id,date,type,unit_id,staff_id,points,status,source\n');
    const report = await buildModel(dir);
    expect(report.notes).toContain('ranking staff: the data hold no staff to rank, so it has no page');
  });
});
