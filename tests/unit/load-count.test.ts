/**
 * No record is lost in silence: the loader counts each file's records itself and fails the build
 * when DuckDB's loaded and refused rows do not add up to that count. DuckDB drops nothing that
 * passes Podium's own reading today, so the fault is injected: Podium's count is made one higher,
 * standing for a record DuckDB dropped without a reject row (as it did with a field over 32 MB).
 */
import { describe, expect, it, vi } from 'vitest';
import { copyFixture, refusal } from '../support/fixture.ts';

vi.mock('../../src/pipeline/records.ts', async (importOriginal) => {
  const records = await importOriginal<typeof import('../../src/pipeline/records.ts')>();
  return {
    ...records,
    scanCsv: (...args: Parameters<typeof records.scanCsv>) => {
      const shape = records.scanCsv(...args);
      return shape.header.includes('event_id') ? { ...shape, records: shape.records + 1 } : shape;
    },
  };
});

describe('every record counted is loaded or refused', () => {
  it('fails the build, naming the file and the counts, when DuckDB accounts for fewer records', async () => {
    const dir = copyFixture('s1-worked');
    const problems = await refusal(dir);
    expect(problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/events\.csv$/),
        expected: 'each of its 5 records loaded or refused',
        found: expect.stringContaining('DuckDB read 4 (4 loaded, 0 refused)'),
      }),
    ]);
  });
});
