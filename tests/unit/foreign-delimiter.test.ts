/** foreignDelimiter: which header lines are a spreadsheet's semicolon or tab file, and which are not. */
import { describe, expect, it } from 'vitest';
import { foreignDelimiter } from '../../src/pipeline/records.ts';

const COLUMNS = ['unit_id', 'name', 'level', 'parent_id'];
const of = (text: string) => foreignDelimiter(Buffer.from(text), COLUMNS);

describe('foreignDelimiter', () => {
  it('names semicolons, with the header line', () => {
    expect(of('unit_id;name;level\nA;网点A;outlet\n')).toEqual({ line: 1, name: 'semicolons (;)', header: 'unit_id;name;level' });
  });

  it('names tabs, and quoted names as Excel writes them', () => {
    expect(of('"unit_id"\t"name"\r\nA\tB\r\n')).toEqual({ line: 1, name: 'tabs', header: '"unit_id"\t"name"' });
  });

  it('finds the header after empty lines, as the CSV reading does', () => {
    expect(of('\n\nunit_id;name\n')?.line).toBe(3);
  });

  it('leaves a comma-separated header alone, even with a semicolon in a name', () => {
    expect(of('unit_id,name;level\n')).toBeUndefined();
  });

  it('needs a column of the table among the names, and more than one name', () => {
    expect(of('a;b;c\n')).toBeUndefined();
    expect(of('unit_id\nA\n')).toBeUndefined();
    expect(of('')).toBeUndefined();
  });
});
