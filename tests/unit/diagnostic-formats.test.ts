import { describe, expect, it } from 'vitest';
import { BuildError } from '../../src/config/diagnostics.ts';
import { formatRefusal } from '../../src/pipeline/diagnostic-formats.ts';

const refusal = new BuildError('validate', [
  { file: 'data/events/2025-11.csv', line: 14, column: 2, field: 'date', expected: 'a date written YYYY-MM-DD', found: '"2025/11/03"' },
  { file: 'data/competition.yaml', expected: 'a value, 100%', found: 'a, b: c\nd' },
]);

describe('a refusal in each format', () => {
  it('text is the message a clerk reads', () => {
    expect(formatRefusal(refusal, 'text')).toContain('data/events/2025-11.csv:14:2 (date): expected a date written YYYY-MM-DD, found "2025/11/03"');
  });

  it('json is one object per problem', () => {
    const lines = formatRefusal(refusal, 'json').split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ stage: 'validate', file: 'data/events/2025-11.csv', line: 14, column: 2, field: 'date' });
    expect(lines[1].message).toBe('data/competition.yaml: expected a value, 100%, found a, b: c\nd');
  });

  it('github is one workflow annotation per problem, escaped so that no value breaks the command', () => {
    expect(formatRefusal(refusal, 'github').split('\n')).toEqual([
      '::error file=data/events/2025-11.csv,line=14,col=2,title=Podium validate%3A date::expected a date written YYYY-MM-DD, found "2025/11/03"',
      '::error file=data/competition.yaml,title=Podium validate::expected a value, 100%25, found a, b: c%0Ad',
    ]);
  });
});
