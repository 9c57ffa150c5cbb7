/**
 * An .xlsx table, read with exceljs and turned into the CSV text the rest of the load reads, one
 * worksheet row per line, so that every later message names the sheet, its row and its column
 * (`events.xlsx:事件:14:2`). Cells become the text Excel shows for their value: numbers as
 * they are stored, date cells as YYYY-MM-DD, formulas as their saved result.
 */
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { quoteField } from '../site/csv.ts';
import { shown, type Diagnostic } from '../config/diagnostics.ts';
import { unpackedSize } from './zip.ts';

/**
 * exceljs holds a whole workbook in memory, many times its unpacked size: a larger one (or a zip
 * bomb) is refused before it is opened. 64 MiB unpacked is some 300,000 rows of a typical table.
 */
export const WORKBOOK_MAX_UNPACKED = 64 * 1024 * 1024;

export const isWorkbook = (file: string): boolean => /\.xlsx$/i.test(file);

/**
 * What a file a table's glob matched is, when it is an Excel file no build should read: a binary
 * workbook of Excel 97–2003, which no maintained reader handles safely, or the owner file
 * (`~$name.xlsx`) Excel keeps beside a workbook while it is open, which a glob such as
 * `events/*.xlsx` matches and a clerk may commit by mistake.
 */
export function unreadableWorkbook(file: string): string | undefined {
  const name = path.basename(file);
  if (/^~\$/.test(name)) return `the file Excel keeps while ${shown(name.slice(2))} is open: close the workbook in Excel, and do not commit this file`;
  if (/\.xls$/i.test(name)) return 'an Excel 97–2003 workbook (.xls): save it as "Excel Workbook (.xlsx)" or "CSV UTF-8"';
  return undefined;
}

/** The CSV text of one sheet, its name, or the problems that stop it being read. */
export async function workbookAsCsv(bytes: Uint8Array, file: string, sheet: string | undefined, configKey: string): Promise<{ sheet: string; text: string } | { problems: Diagnostic[] }> {
  const unreadable = (reason: string) => ({ problems: [{ file, expected: 'an .xlsx workbook (Excel: File → Save As → Excel Workbook)', found: reason }] });
  let size: number;
  try {
    size = unpackedSize(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return unreadable('a file that is not a zip archive, as every .xlsx is (a file saved under another name?)');
  }
  if (size > WORKBOOK_MAX_UNPACKED) {
    return { problems: [{ file, expected: `a workbook that unpacks to at most ${WORKBOOK_MAX_UNPACKED / 1024 / 1024} MiB`, found: `${Math.ceil(size / 1024 / 1024)} MiB: save a table this large as "CSV UTF-8"` }] };
  }
  // Loaded on first use, so that competitions without workbooks do not wait for it.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    return unreadable(`a file exceljs cannot open: ${String((error as Error).message ?? error).split('\n')[0]!.slice(0, 120)}`);
  }
  const names = workbook.worksheets.map((w) => w.name);
  const listed = names.map((n) => shown(n)).join(', ');
  let worksheet: ExcelJS.Worksheet | undefined;
  if (sheet !== undefined) {
    worksheet = workbook.worksheets.find((w) => w.name === sheet);
    if (!worksheet) return { problems: [{ file, expected: `a sheet named ${shown(sheet)} (${configKey} in competition.yaml)`, found: `the sheets ${listed}` }] };
  } else if (workbook.worksheets.length !== 1) {
    return {
      problems: [
        {
          file,
          expected: `one sheet, or the sheet to read named in competition.yaml as ${configKey}: <name>`,
          found: workbook.worksheets.length === 0 ? 'no sheet' : `${workbook.worksheets.length} sheets: ${listed}`,
        },
      ],
    };
  } else {
    worksheet = workbook.worksheets[0]!;
  }
  const where = `${file}:${worksheet.name}`;
  const problems: Diagnostic[] = [];
  const lines: string[] = [];
  let width: number | undefined;
  // Only the rows that hold cells; a sheet may claim a million rows for one formatted cell.
  worksheet.eachRow({ includeEmpty: false }, (row, r) => {
    // An empty row stays an empty line, so that line numbers remain row numbers.
    while (lines.length < r - 1) lines.push('\n');
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const text = cellText(row.getCell(c).value);
      if (typeof text === 'object') problems.push({ file: where, line: r, column: c, ...text });
      cells.push(typeof text === 'object' ? '' : text);
    }
    while (cells.length > 0 && cells.at(-1) === '') cells.pop();
    // Excel stores no empty cells at the end of a row: a row is as wide as the header above it.
    width ??= cells.length > 0 ? cells.length : undefined;
    while (width !== undefined && cells.length > 0 && cells.length < width) cells.push('');
    lines.push(`${cells.map(quoteField).join(',')}\n`);
  });
  return problems.length > 0 ? { problems } : { sheet: worksheet.name, text: lines.join('') };
}

/** The text of a cell, or what is wrong with it. */
function cellText(value: ExcelJS.CellValue): string | { expected: string; found: string } {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') {
    // Each row must stay one line: a line break typed in a cell (Alt+Enter) would move every later row.
    return /[\r\n]/.test(value) ? { expected: 'a cell on one line', found: `${shown(value)}, which holds a line break (Alt+Enter)` } : value;
  }
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const iso = value.toISOString();
    // A date cell without a time is a day; one with a time is shown whole, and refused where a date is expected.
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  if ('error' in value) return { expected: 'a value', found: `the Excel error ${value.error}` };
  if ('richText' in value) return cellText(value.richText.map((part) => part.text).join(''));
  if ('hyperlink' in value) return cellText(value.text);
  if ('result' in value && value.result !== undefined) return cellText(value.result);
  return { expected: 'a value', found: 'a formula with no saved result (open the file in Excel and save it again)' };
}
