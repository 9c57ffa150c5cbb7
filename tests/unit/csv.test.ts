import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { csvCell, csvLine } from '../../src/pipeline/csv.ts';
import { TableExport } from '../../src/pipeline/table-export.ts';
import { tempDir } from '../support/fixture.ts';

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

describe('a download', () => {
  it('starts its CSV with a UTF-8 byte-order mark, so Excel opens Chinese text right, and its JSON without', () => {
    const file = path.join(tempDir('download'), 'names');
    const table = new TableExport(file, z.object({ id: z.string(), name: z.string() }));
    table.add({ id: 'S1', name: '张三' });
    expect(table.close()).toBe(1);
    expect(readFileSync(`${file}.csv`, 'utf8')).toBe('\uFEFFid,name\nS1,张三\n');
    expect(JSON.parse(readFileSync(`${file}.json`, 'utf8'))).toEqual([{ id: 'S1', name: '张三' }]);
  });
});
