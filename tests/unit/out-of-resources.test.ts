import { describe, expect, it } from 'vitest';
import { outOfResources } from '../../src/pipeline/build.ts';
import { BuildError } from '../../src/config/diagnostics.ts';

describe('DuckDB running out of its budgets', () => {
  const outOfMemory = new Error('Out of Memory Error: failed to pin block of size 256.0 KiB (57.4 MiB/57.2 MiB used)\n\nPossible solutions: …');

  it('is a message about the competition’s size, naming the data folder, the stage and its budget', () => {
    const error = outOfResources(outOfMemory, 'data', 'score');
    expect(error).toBeInstanceOf(BuildError);
    expect(error!.stage).toBe('score');
    expect(error!.diagnostics).toEqual([
      {
        file: 'data',
        expected: 'a competition that loads and scores within 2GB of memory and 16GB of temporary disk',
        found: expect.stringMatching(/^Out of Memory Error: failed to pin block .*; check the competition's dates and periods, lower row_budget, or split the competition$/),
      },
    ]);
  });

  it('names the export and its smaller budget when the export ran out', () => {
    const error = outOfResources(outOfMemory, 'data', 'export');
    expect([error!.stage, error!.diagnostics[0]!.expected]).toEqual(['export', 'a competition whose site is exported within 1536MB of memory and 16GB of temporary disk']);
  });

  it('leaves every other error as it was', () => {
    expect(outOfResources(new Error('Binder Error: column x not found'), 'data', 'score')).toBeUndefined();
  });
});
