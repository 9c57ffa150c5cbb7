import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../src/pipeline/csv.ts';

describe('CSV export cells', () => {
  it.each(['=SUM(A1:A9)', '+8613800000000', '-2+3', '@cmd', '\tx', '\rx'])('neutralises a text cell that would start a formula: %j', (text) => {
    expect(csvCell(text).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
  });

  it('writes numbers Podium computed as numbers, negative ones included', () => {
    expect(csvLine([-3, 96.5, null, true])).toBe('-3,96.5,,true\n');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
  });
});
