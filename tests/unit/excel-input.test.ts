/**
 * Excel as input: an .xlsx table reads as its CSV does, and the date forms Excel writes are
 * accepted where the config says so. Refusals are cases of tests/bad/ (excel-*, validate-excel-*).
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildModel, copyFixture, editFile, tempDir } from '../support/fixture.ts';
import { workbookAsCsv } from '../../src/pipeline/workbook.ts';

/** Every file a model-only build wrote (the pages' model and the downloads), as path → bytes. */
async function outputsOf(dataDir: string): Promise<Map<string, string>> {
  const report = await buildModel(dataDir);
  const work = path.dirname(report.modelDir);
  const files = new Map<string, string>();
  for (const top of ['model', 'public']) {
    for (const entry of readdirSync(path.join(work, top), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) {
        const full = path.join(entry.parentPath, entry.name);
        files.set(path.relative(work, full), readFileSync(full).toString('base64'));
      }
    }
  }
  return files;
}

/** What Excel saves when a clerk opens the CSV and saves it as a workbook: numbers and dates typed. */
async function csvAsWorkbook(csvFile: string, xlsxFile: string): Promise<void> {
  const rows = Papa.parse<string[]>(readFileSync(csvFile, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const [i, row] of rows.entries()) {
    sheet.addRow(
      row.map((cell) => {
        if (i === 0 || cell === '') return cell === '' ? null : cell;
        if (/^\d{4}-\d{2}-\d{2}$/.test(cell)) return new Date(`${cell}T00:00:00Z`);
        if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(cell)) return Number(cell);
        return cell;
      }),
    );
  }
  writeFileSync(xlsxFile, Buffer.from(await workbook.xlsx.writeBuffer()));
}

describe('an .xlsx table', () => {
  it('builds the same site model and downloads as its CSV (a month of the sample’s events)', async () => {
    const copy = (name: string) => {
      const dir = path.join(tempDir(name), 'data');
      cpSync('data', dir, { recursive: true, filter: (file) => !file.includes(`${path.sep}examples`) });
      return dir;
    };
    const asCsv = copy('xlsx-csv');
    const asXlsx = copy('xlsx-xlsx');
    await csvAsWorkbook(path.join(asXlsx, 'events', '2025-05.csv'), path.join(asXlsx, 'events', '2025-05.xlsx'));
    rmSync(path.join(asXlsx, 'events', '2025-05.csv'));
    editFile(asXlsx, 'competition.yaml', (text) => text.replace('events: events/*.csv', 'events: [events/*.csv, events/*.xlsx]'));
    const [expected, actual] = [await outputsOf(asCsv), await outputsOf(asXlsx)];
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    expect([...actual].filter(([file, bytes]) => expected.get(file) !== bytes).map(([file]) => file)).toEqual([]);
  });
});

describe('the cells of a sheet', () => {
  it('become the text Excel shows, quoted as CSV needs and otherwise unchanged, one line per row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('事件');
    sheet.addRow(['a', 'b', 'c', 'd']);
    sheet.addRow([-5, '=not a formula here', 'a,b', 'say "hi"']);
    sheet.addRow([]);
    sheet.addRow([new Date('2025-11-03T00:00:00Z'), { richText: [{ text: '客户' }, { text: '来信' }] }, { formula: '1+1', result: 2 }, true]);
    sheet.addRow([0.1, null, { text: '链接', hyperlink: 'http://example.invalid' }]);
    const read = await workbookAsCsv(Buffer.from(await workbook.xlsx.writeBuffer()), 'e.xlsx', undefined, 'table_formats.events.sheet');
    expect(read).toEqual({
      sheet: '事件',
      text: 'a,b,c,d\n-5,=not a formula here,"a,b","say ""hi"""\n\n2025-11-03,客户来信,2,TRUE\n0.1,,链接,\n',
    });
  });

  it('are refused with the sheet, row and column when they hold an Excel error or an unsaved formula', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['a', 'b']);
    sheet.addRow([{ error: '#DIV/0!' }, { formula: 'A1' }]);
    const read = await workbookAsCsv(Buffer.from(await workbook.xlsx.writeBuffer()), 'e.xlsx', undefined, 'table_formats.events.sheet');
    expect(read).toEqual({
      problems: [
        { file: 'e.xlsx:Sheet1', line: 2, column: 1, expected: 'a value', found: 'the Excel error #DIV/0!' },
        { file: 'e.xlsx:Sheet1', line: 2, column: 2, expected: 'a value', found: 'a formula with no saved result (open the file in Excel and save it again)' },
      ],
    });
  });
  it('refuses, before opening it, a workbook that would unpack to more than its limit (a zip bomb)', async () => {
    // A zip's central directory with one entry claiming 100 MiB, and the record that points at it.
    const central = Buffer.alloc(46 + 5);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(100 * 1024 * 1024, 24);
    central.writeUInt16LE(5, 28);
    central.write('a.xml', 46);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length, 12);
    end.writeUInt32LE(0, 16);
    const read = await workbookAsCsv(Buffer.concat([central, end]), 'e.xlsx', undefined, 'table_formats.events.sheet');
    expect(read).toEqual({ problems: [{ file: 'e.xlsx', expected: 'a workbook that unpacks to at most 64 MiB', found: '100 MiB: save a table this large as "CSV UTF-8"' }] });
  });

  it('refuses a file named .xlsx that is no zip archive', async () => {
    const read = await workbookAsCsv(Buffer.from('event_id,date\n'), 'e.xlsx', undefined, 'table_formats.events.sheet');
    expect(read).toEqual({ problems: [{ file: 'e.xlsx', expected: 'an .xlsx workbook (Excel: File → Save As → Excel Workbook)', found: 'a file that is not a zip archive, as every .xlsx is (a file saved under another name?)' }] });
  });
});

describe('dates as Excel writes them', () => {

  const rewritten = (formats: string) => {
    const dir = copyFixture('s1-worked');
    // 2009-08-05, 2009-08-12 and 2009-08-20 in three of Excel's forms (40045 is 2009-08-20).
    editFile(dir, 'events.csv', (text) => text.replace('E1,2009-08-05', 'E1,2009/8/5').replace('E2,2009-08-12', 'E2,2009-8-12').replace('E3,2009-08-20', 'E3,40045'));
    editFile(dir, 'competition.yaml', (text) => `${text}\ntable_formats:\n  events: { dates: ${formats} }\n`);
    return dir;
  };

  it('are read as the same days where the config accepts their forms, for the table or for its column', async () => {
    const expected = await outputsOf(copyFixture('s1-worked'));
    for (const formats of ['[slash, unpadded, serial]', '{ date: [serial, slash, unpadded] }']) {
      const actual = await outputsOf(rewritten(formats));
      expect([...actual].filter(([file, bytes]) => expected.get(file) !== bytes).map(([file]) => file)).toEqual([]);
    }
  });

  it('are refused, each with its fix, in a form the config does not accept', async () => {
    const { refusal } = await import('../support/fixture.ts');
    const problems = await refusal(rewritten('[slash]'));
    expect(problems.map((p) => `${p.line}:${p.column} ${p.found}`)).toEqual([
      '3:2 "2009-8-12": write it 2009-08-12, or accept this form with table_formats: { events: { dates: { date: [unpadded] } } } in competition.yaml',
      '4:2 "40045": write it 2009-08-20, or accept this form with table_formats: { events: { dates: { date: [serial] } } } in competition.yaml',
    ]);
  });
});
