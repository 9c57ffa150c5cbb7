/**
 * closed_through: the period close stated in the config. Fixture: tests/fixtures/missing-rules
 * stretched to June with a monthly notice; its last record is moved to 30 May, so that without a
 * close May would wait for a record dated on its last day.
 */
import { describe, expect, it } from 'vitest';
import { buildModel, copyFixture, editFile, readOutputs } from '../support/fixture.ts';

/** The fixture through June, with a monthly notice of the service ranking and records up to 30 May. */
function competition(closedThrough: string | null, extraEvent?: string): string {
  const dir = copyFixture('missing-rules');
  editFile(dir, 'competition.yaml', (text) =>
    text.replace('end: 2025-05-31\n', `end: 2025-06-30\n${closedThrough ? `closed_through: ${closedThrough}\n` : ''}`) +
    'notices:\n  - { id: monthly, title: Monthly notice, periods: [month], rankings: [service] }\n',
  );
  editFile(dir, 'metrics.csv', (text) => text.replaceAll('2025-05-31', '2025-05-30'));
  if (extraEvent) editFile(dir, 'events.csv', (text) => text + extraEvent);
  return dir;
}

const statuses = (report: Awaited<ReturnType<typeof buildModel>>) => Object.fromEntries(report.site.periods.map((p) => [p.id, p.status]));

describe('closed_through', () => {
  it('without it, keeps May provisional until a record is dated on its last day, and publishes no May notice', async () => {
    const report = await buildModel(competition(null));
    expect(report.site.asOf).toBe('2025-05-30');
    expect(statuses(report)).toEqual({ '2025-05': 'provisional' });
    expect(readOutputs(report).notices).toEqual([]);
    expect(report.site.methodology.flatMap((s) => s.items)).toContainEqual({ key: 'method.period.closedByData', values: {} });
  });

  it('closes May on 31 May although its last record is dated 30 May, and publishes its notice', async () => {
    const report = await buildModel(competition('2025-05-31'));
    // The data date is the close: June has not started.
    expect(report.site.asOf).toBe('2025-05-31');
    expect(statuses(report)).toEqual({ '2025-05': 'final' });
    // Its notice is dated after the close, so it is out only once the build speaks of a later day.
    expect(readOutputs(report).notices).toEqual([]);
    expect(report.site.methodology.flatMap((s) => s.items)).toContainEqual({ key: 'method.period.closedThrough', values: { date: '2025-05-31' } });
    const later = await buildModel(competition('2025-05-31'), '2025-06-30');
    // June has begun by then but lies after the close: provisional.
    expect(statuses(later)).toEqual({ '2025-05': 'final', '2025-06': 'provisional' });
    expect(readOutputs(later).notices.map((n) => n.id)).toEqual(['monthly-2025-05']);
  });

  it('counts a record dated after the close only in the provisional June, and notes it', async () => {
    const report = await buildModel(competition('2025-05-31', 'E9,2025-06-05,complaint,W2,,,verified,\n'));
    expect(report.site.asOf).toBe('2025-06-05');
    expect(statuses(report)).toEqual({ '2025-05': 'final', '2025-06': 'provisional' });
    // June is ranked, provisional: W2 10 − 4 = 6; May is unchanged (W2 10 − 4 = 6 from E4) and alone is noticed.
    const june = readOutputs(report).standings.filter((s) => s.scope_id === 'service' && s.period_id === '2025-06');
    expect(Object.fromEntries(june.map((s) => [s.entity_id, [s.score, s.period_status]]))).toEqual({ W1: [10, 'provisional'], W2: [6, 'provisional'], W3: [10, 'provisional'] });
    expect(readOutputs(report).notices.map((n) => n.id)).toEqual(['monthly-2025-05']);
    expect(report.notes).toContain('events: 1 record(s) dated after closed_through 2025-05-31 (the first on 2025-06-05) count only in periods that are still provisional');
  });
});
