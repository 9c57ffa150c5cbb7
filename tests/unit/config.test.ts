import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCompetition } from '../../src/config/read.ts';
import { competitionJsonSchema, JSON_SCHEMA_FILE } from '../../src/config/json-schema.ts';
import { CompetitionConfig } from '../../src/config/schema.ts';
import { copyFixture, editFile } from '../support/fixture.ts';
import { MINIMAL_CONFIG } from '../support/minimal-config.ts';

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
    const { periods: _periods, ...withoutPeriods } = MINIMAL_CONFIG;
    // Left out, periods are the calendar months alone (docs/config/core.md).
    expect(CompetitionConfig.parse(withoutPeriods).periods).toEqual({ calendar: ['month'], list: [] });
    const minimal = CompetitionConfig.parse(MINIMAL_CONFIG);
    expect(minimal).toMatchObject({ decimals: 2, audience: 'public', periods: { calendar: ['month'], list: [] }, scores: [{ base: 0, chart: 'month' }] });
  });

  it('rejects a date that is not on the calendar', () => {
    expect(CompetitionConfig.shape.start.safeParse('2025-02-30').success).toBe(false);
  });

  it('bounds numbers where the scoring columns hold them, and says the bound', () => {
    const base = CompetitionConfig.shape.scores.element;
    const ledger = (value: number) => base.safeParse({ id: 's', label: 'S', model: 'ledger', base: value, subjects: ['outlet'] });
    expect(ledger(1_000_000).success).toBe(true);
    expect(ledger(0.000001).success).toBe(true);
    expect(ledger(1e300).error?.issues[0]?.message).toBe('a number from -1000000 to 1000000');
    expect(ledger(0.0000001).error?.issues[0]?.message).toBe('a number with at most 6 decimals');
    expect(ledger(Number.POSITIVE_INFINITY).success).toBe(false);
  });

  it('refuses IDs that are Windows device names, in any case', () => {
    for (const id of ['CON', 'nul', 'Com1', 'LPT9', 'aux', 'PRN']) expect(CompetitionConfig.shape.id.safeParse(id).success, id).toBe(false);
    for (const id of ['CON1', 'console', 'COM10', 'nul-2', 'LPT0']) expect(CompetitionConfig.shape.id.safeParse(id).success, id).toBe(true);
  });

  it('takes a wider date window from the config', () => {
    const dir = copyFixture('s1-worked');
    editFile(dir, 'competition.yaml', (text) =>
      text.replace('start: 2009-08-01', 'start: 1999-12-01\ndate_window: { from: 1990-01-01, to: 2100-12-31 }'),
    );
    expect(readCompetition(dir).periods.find((p) => p.id === '1999-12')).toMatchObject({ start: '1999-12-01', end: '1999-12-31' });
  });

  it('ships a JSON Schema that matches the zod schema (run `npm run schema` after changing it)', () => {
    expect(readFileSync(JSON_SCHEMA_FILE, 'utf8')).toBe(competitionJsonSchema());
  });
});
