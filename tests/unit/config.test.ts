import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCompetition } from '../../src/config/read.ts';
import { competitionJsonSchema, JSON_SCHEMA_FILE } from '../../src/config/json-schema.ts';
import { CompetitionConfig } from '../../src/config/schema.ts';

describe('competition.yaml', () => {
  it('reads the sample competition and lays out its calendar', () => {
    const competition = readCompetition('data');
    expect(competition.locale).toBe('zh-CN');
    const byId = new Map(competition.periods.map((p) => [p.id, p]));
    // The campaign starts on 3/16, so March and Q1 are clipped to it.
    expect(byId.get('2025-03')).toMatchObject({ kind: 'month', start: '2025-03-16', end: '2025-03-31' });
    expect(byId.get('2025-Q4')).toMatchObject({ kind: 'quarter', start: '2025-10-01', end: '2025-12-31' });
    expect(byId.get('year')).toMatchObject({ start: '2025-03-16', end: '2025-12-31', combine: [{ period: 'h1', weight: 0.5 }, { period: 'h2', weight: 0.5 }] });
    expect(competition.periods.filter((p) => p.kind === 'month')).toHaveLength(10);
  });

  it('takes a locale override for a second-language edition', () => {
    expect(readCompetition('data', 'en').locale).toBe('en');
  });

  it('fills defaults so that a minimal config is enough', () => {
    const minimal = CompetitionConfig.parse({
      id: 'x',
      name: 'X',
      issuer: 'Office',
      locale: 'en',
      start: '2025-01-01',
      end: '2025-12-31',
      org: { levels: [{ id: 'outlet', label: 'Outlet' }] },
      tables: { units: 'units.csv', staff: 'staff.csv', events: 'events.csv' },
      periods: {},
      scores: [{ id: 's', label: 'S', model: 'ledger', subjects: ['outlet'] }],
      rankings: [{ id: 'r', label: 'R', score: 's', subject: 'outlet', periods: ['month'] }],
    });
    expect(minimal).toMatchObject({ decimals: 2, audience: 'public', periods: { calendar: ['month'], list: [] }, scores: [{ base: 0, chart: 'month' }] });
  });

  it('rejects a date that is not on the calendar', () => {
    expect(CompetitionConfig.shape.start.safeParse('2025-02-30').success).toBe(false);
  });

  it('ships a JSON Schema that matches the zod schema (run `npm run schema` after changing it)', () => {
    expect(readFileSync(JSON_SCHEMA_FILE, 'utf8')).toBe(competitionJsonSchema());
  });
});
