import { describe, expect, it } from 'vitest';
import { outOfResources } from '../../src/pipeline/build.ts';
import { BuildError } from '../../src/config/diagnostics.ts';

describe('DuckDB running out of its budgets', () => {
  it('is a message about the competition’s size, naming the data folder and the budgets', () => {
    const error = outOfResources(new Error('Out of Memory Error: failed to pin block of size 256.0 KiB (57.4 MiB/57.2 MiB used)\n\nPossible solutions: …'), 'data');
    expect(error).toBeInstanceOf(BuildError);
    expect(error!.diagnostics).toEqual([
      {
        file: 'data',
        expected: 'a competition that scores within 2GB of memory (1536MB while exporting) and 16GB of temporary disk',
        found: expect.stringMatching(/^Out of Memory Error: failed to pin block .*; check the competition's dates and periods, lower row_budget, or split the competition$/),
      },
    ]);
  });

  it('leaves every other error as it was', () => {
    expect(outOfResources(new Error('Binder Error: column x not found'), 'data')).toBeUndefined();
  });
});
