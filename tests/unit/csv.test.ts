import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { csvCell, csvLine } from '../../src/site/csv.ts';
import { downloadsOf, TableExport, XLSX_MAX_ROWS } from '../../src/pipeline/table-export.ts';
import { tempDir } from '../support/fixture.ts';

describe('CSV export cells', () => {
  it.each(['=SUM(A1:A9)', '+8613800000000', '-2+3', '@cmd', '\tx', '\rx', '\nx', ' =SUM(A1)', '\u3000+1', '\u00a0@x', '\u200b=1', '＝SUM(A1)', '＋1', '－1', '＠x'])('neutralises a text cell that would start a formula: %j', (text) => {
    expect(csvCell(text).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
  });

  it.each(['张三', ' 张三', 'a=b', 'x-1', '"=Q"'])('leaves text that no spreadsheet reads as a formula as it is: %j', (text) => {
    expect(csvCell(text).replace(/^"|"$/g, '').replaceAll('""', '"')).toBe(text);
  });

  it('writes numbers Podium computed as numbers, negative ones included', () => {
    expect(csvLine([-3, 96.5, null, true])).toBe('-3,96.5,,true\n');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
  });
});

describe('a download', () => {
  const Row = z.object({ id: z.string(), name: z.string(), score: z.number(), rank: z.int().nullable(), met: z.boolean().nullable() });
  const write = async (file: string) => {
    const table = await TableExport.create(file, Row, '城东支行竞赛 (2025-10-31)');
    table.add({ id: 'S1', name: '张三', score: 96.5, rank: 1, met: true });
    table.add({ id: 'S2', name: '=HYPERLINK("http://evil")', score: -3, rank: null, met: null });
    return table.close();
  };

  it('starts its CSV with a UTF-8 byte-order mark, so Excel opens Chinese text right, and its JSON without', async () => {
    const file = path.join(tempDir('download'), 'names');
    expect(await write(file)).toEqual({ rows: 2, xlsx: true, json: true });
    expect(readFileSync(`${file}.csv`, 'utf8')).toBe('\uFEFFid,name,score,rank,met\nS1,张三,96.5,1,true\nS2,"\'=HYPERLINK(""http://evil"")",-3,,\n');
    expect(JSON.parse(readFileSync(`${file}.json`, 'utf8'))).toEqual([
      { id: 'S1', name: '张三', score: 96.5, rank: 1, met: true },
      { id: 'S2', name: '=HYPERLINK("http://evil")', score: -3, rank: null, met: null },
    ]);
  });

  it('leaves out the JSON copy when asked (the audit trail, whose typed copy is Parquet), and the downloads page then lists none', async () => {
    const file = path.join(tempDir('download'), 'score_parts');
    const table = await TableExport.create(file, Row, 'title', { json: false });
    table.add({ id: 'S1', name: 'a', score: 1, rank: 1, met: true });
    const counts = await table.close();
    expect(counts).toEqual({ rows: 1, xlsx: true, json: false });
    expect(existsSync(`${file}.json`)).toBe(false);
    expect(readFileSync(`${file}.csv`, 'utf8')).toBe('\uFEFFid,name,score,rank,met\nS1,a,1,1,true\n');
    expect(downloadsOf('score_parts', counts, 'download.scoreParts').map((d) => d.file)).toEqual(['score_parts.csv', 'score_parts.xlsx']);
  });

  it('begins no workbook for a table counted over Excel\u2019s limit, and refuses to close on a count that was wrong', async () => {
    const Id = z.object({ id: z.int() });
    const file = path.join(tempDir('download'), 'huge');
    const huge = await TableExport.create(file, Id, 'title', { json: false, rows: XLSX_MAX_ROWS + 1 });
    for (let id = 0; id <= XLSX_MAX_ROWS; id++) huge.add({ id });
    expect(await huge.close()).toEqual({ rows: XLSX_MAX_ROWS + 1, xlsx: false, json: false });
    expect(existsSync(`${file}.xlsx`)).toBe(false);
    expect(readFileSync(`${file}.csv`, 'utf8').split('\n')).toHaveLength(XLSX_MAX_ROWS + 3);
    const miscounted = await TableExport.create(path.join(tempDir('download'), 'short'), Id, 'title', { rows: 3 });
    miscounted.add({ id: 1 });
    await expect(miscounted.close()).rejects.toThrow(/short: 1 rows written where 3 were counted/);
  });

  it('fails to close when its workbook cannot be written, and the next workbook is written all the same', async () => {
    const dir = tempDir('download');
    mkdirSync(path.join(dir, 'blocked.xlsx'));
    const blocked = await TableExport.create(path.join(dir, 'blocked'), Row, 'title');
    blocked.add({ id: 'S1', name: 'a', score: 1, rank: 1, met: true });
    await expect(blocked.close()).rejects.toThrow(/workbook/);
    const next = path.join(dir, 'next');
    expect(await write(next)).toEqual({ rows: 2, xlsx: true, json: true });
    expect(readFileSync(`${next}.xlsx`).subarray(0, 2).toString()).toBe('PK');
  });

  it('offers an Excel workbook: the competition named above a frozen header, typed cells, no formula', async () => {
    const file = path.join(tempDir('download'), 'standings');
    await write(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(`${file}.xlsx`) as unknown as ArrayBuffer);
    const [sheet] = workbook.worksheets;
    expect(sheet!.name).toBe('standings');
    expect(sheet!.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const rows = sheet!.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    expect(rows).toEqual([
      ['城东支行竞赛 (2025-10-31)'],
      ['id', 'name', 'score', 'rank', 'met'],
      ['S1', '张三', 96.5, 1, true],
      // The text as typed, without the CSV's apostrophe: a string cell is never a formula.
      ['S2', '=HYPERLINK("http://evil")', -3],
    ]);
    expect(sheet!.getCell('D3').numFmt).toBe('0');
  });

  it('writes formula-like text as string cells in the Text format, so the workbook shows it as typed and an edit keeps it text', async () => {
    const file = path.join(tempDir('download'), 'inert');
    const table = await TableExport.create(file, Row, '=TITLE()');
    for (const [i, name] of ['=1+1', '+86 138', '-x', '@SUM(A1)', '张三'].entries()) table.add({ id: `S${i}`, name, score: i, rank: null, met: null });
    await table.close();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(`${file}.xlsx`) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const cells = ['A1', 'B3', 'B4', 'B5', 'B6', 'B7'].map((at) => sheet.getCell(at));
    expect(cells.map((cell) => [cell.value, cell.type, cell.numFmt])).toEqual([
      ['=TITLE()', ExcelJS.ValueType.String, '@'],
      ['=1+1', ExcelJS.ValueType.String, '@'],
      ['+86 138', ExcelJS.ValueType.String, '@'],
      ['-x', ExcelJS.ValueType.String, '@'],
      ['@SUM(A1)', ExcelJS.ValueType.String, '@'],
      ['张三', ExcelJS.ValueType.String, '@'],
    ]);
    // Numbers keep their own format: a score is not text.
    expect(sheet.getCell('C4').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('C4').numFmt).toBeUndefined();
    // No cell of the sheet's XML holds a formula (<f>): the text is a value (<v>).
    const xml = execFileSync('unzip', ['-p', `${file}.xlsx`, 'xl/worksheets/sheet1.xml'], { encoding: 'utf8' });
    expect(xml).toContain('<v>=1+1</v>');
    expect(xml).not.toMatch(/<f[ >/]/);
  });

  it('keeps the cell format of each column on every row, whatever the rows before held (styles are shared per column and value type)', async () => {
    const file = path.join(tempDir('download'), 'many');
    const table = await TableExport.create(file, Row, 'title');
    const rows = [
      { id: 'S1', name: 'a', score: 1.5, rank: null, met: null },
      { id: 'S2', name: 'b', score: 2, rank: 7, met: true },
      { id: 'S3', name: 'c', score: -1, rank: null, met: false },
      { id: 'S4', name: 'd', score: 0.25, rank: 9, met: null },
    ];
    for (const row of rows) table.add(row);
    await table.close();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(`${file}.xlsx`) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(rows.map((_, i) => [sheet.getCell(`C${i + 3}`).value, sheet.getCell(`D${i + 3}`).value, sheet.getCell(`D${i + 3}`).numFmt])).toEqual([
      [1.5, null, '0'],
      [2, 7, '0'],
      [-1, null, '0'],
      [0.25, 9, '0'],
    ]);
    expect(sheet.getCell('C6').numFmt).toBeUndefined();
  });

  it('writes text XML cannot hold as Excel\u2019s own escapes, which Excel reads back as the characters', async () => {
    const file = path.join(tempDir('download'), 'escapes');
    const table = await TableExport.create(file, Row, 'title');
    table.add({ id: 'S1', name: 'a\rb\u0001c_x0041_<&>\t"x"', score: 1, rank: null, met: null });
    await table.close();
    execFileSync('unzip', ['-tq', `${file}.xlsx`]);
    const xml = execFileSync('unzip', ['-p', `${file}.xlsx`, 'xl/worksheets/sheet1.xml'], { encoding: 'utf8' });
    expect(xml).toContain('<v>a_x000D_b_x0001_c_x005F_x0041_&lt;&amp;&gt;\t&quot;x&quot;</v>');
  });

  it('streams a long table into its sheet, every row in order', async () => {
    const file = path.join(tempDir('download'), 'long');
    const table = await TableExport.create(file, Row, 'title');
    const count = 30_000;
    for (let i = 0; i < count; i++) {
      table.add({ id: `S${i}`, name: `名字${i}`, score: i / 4, rank: i, met: i % 2 === 0 });
      if (i % 1000 === 999) table.flush();
    }
    expect(await table.close()).toEqual({ rows: count, xlsx: true, json: true });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(`${file}.xlsx`) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(count + 2);
    expect((sheet.getRow(count + 2).values as unknown[]).slice(1)).toEqual([`S${count - 1}`, `名字${count - 1}`, (count - 1) / 4, count - 1, false]);
  });

  it('writes the same workbook bytes twice, whatever the time (fixed zip and document dates)', async () => {
    const first = path.join(tempDir('download'), 'a');
    const second = path.join(tempDir('download'), 'a');
    await write(first);
    await new Promise((resolve) => setTimeout(resolve, 2100)); // zip times have a 2-second resolution
    await write(second);
    expect(readFileSync(`${second}.xlsx`).equals(readFileSync(`${first}.xlsx`))).toBe(true);
  });
});
