/**
 * A download written three times: as CSV (formula-neutralised, with a byte-order mark), as a
 * JSON array (unless left out), and as an Excel workbook, with the columns of its zod schema
 * (export-schemas.ts).
 * Rows are buffered and written per `flush()`, so a large competition can stream its rows chunk
 * by chunk without holding the table in memory; the workbook is streamed too.
 */
import { closeSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import type { z } from 'zod';
import { csvLine, inertText, UTF8_BOM } from '../site/csv.ts';
import { columnsOf } from './export-schemas.ts';
import { fixZipTimestamps } from './zip.ts';
import type { Download } from '../site/model.ts';

/** Excel opens at most 1,048,576 rows; the sheet's first two are the title and the header. */
export const XLSX_MAX_ROWS = 1_048_576 - 2;
/** The workbook's own dates (docProps/core.xml): fixed, so that the bytes repeat. */
const WORKBOOK_DATE = new Date(Date.UTC(2000, 0, 1));

type ColumnKind = 'text' | 'integer' | 'number' | 'boolean';

/** Each column's kind, read from the schema, so that the workbook's cells are typed. */
function columnKinds(schema: z.ZodObject): ColumnKind[] {
  return Object.values(schema.shape).map((field) => {
    const def = (field as z.ZodType).def as { type: string; innerType?: z.ZodType };
    const inner = def.type === 'nullable' ? def.innerType! : (field as z.ZodType);
    if (inner.def.type === 'boolean') return 'boolean';
    if (inner.def.type === 'number') return (inner as z.ZodNumber).isInt ? 'integer' : 'number';
    return 'text';
  });
}

export interface ExportCounts {
  rows: number;
  /** False when the table has more rows than Excel opens: then there is no workbook. */
  xlsx: boolean;
  /** False when the table was written without its JSON copy. */
  json: boolean;
}

export interface TableExportOptions {
  /** Write the JSON copy; true unless a table has another typed copy (the audit trail's Parquet). */
  json?: boolean;
  /**
   * The rows the table will have, where the caller can count them first: over Excel's limit, no
   * workbook is begun, instead of a million rows written and then removed (the audit trail at
   * 2,000,000 events). Closing checks that as many were added.
   */
  rows?: number;
}

/** A workbook being written, with its one sheet. */
interface Book {
  workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  sheet: ExcelJS.Worksheet;
}

export class TableExport {
  private readonly columns: string[];
  private readonly kinds: ColumnKind[];
  private readonly csv: number;
  private readonly json: number | undefined;
  private readonly book: Book | undefined;
  private readonly styles = new Map<string, Partial<ExcelJS.Style>>();
  private csvText = '';
  private jsonText = '';
  private count = 0;

  /**
   * `file` is the path without extension: `<file>.csv`, `<file>.json` and `<file>.xlsx` are
   * written. `title` heads the sheet (the competition's name and the data date).
   */
  static async create(file: string, schema: z.ZodObject, title: string, options: TableExportOptions = {}): Promise<TableExport> {
    const fitsExcel = options.rows === undefined || options.rows <= XLSX_MAX_ROWS;
    // Loaded on first use: it takes longer to load than `podium validate` takes to check the sample.
    const excel = fitsExcel ? (await import('exceljs')).default : undefined;
    return new TableExport(excel, file, schema, title, options.json ?? true, options.rows);
  }

  private constructor(
    excel: typeof ExcelJS | undefined,
    private readonly file: string,
    schema: z.ZodObject,
    title: string,
    withJson: boolean,
    private readonly expectedRows: number | undefined,
  ) {
    this.columns = columnsOf(schema);
    this.kinds = columnKinds(schema);
    this.csv = openSync(`${file}.csv`, 'w');
    this.json = withJson ? openSync(`${file}.json`, 'w') : undefined;
    // A byte-order mark tells Excel on a Chinese Windows the file is UTF-8; without it a
    // double-click shows every name as mojibake.
    writeSync(this.csv, `${UTF8_BOM}${csvLine(this.columns)}`);
    if (this.json !== undefined) writeSync(this.json, '[');
    this.book = excel && this.beginBook(excel, title);
  }

  private beginBook(excel: typeof ExcelJS, title: string): Book {
    const { file } = this;
    const workbook = new excel.stream.xlsx.WorkbookWriter({
      filename: `${file}.xlsx`,
      useStyles: true,
      useSharedStrings: false,
      created: WORKBOOK_DATE,
      modified: WORKBOOK_DATE,
      creator: 'Podium',
      lastModifiedBy: 'Podium',
    } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]);
    // The header stays in view while scrolling: the sheet is frozen below it.
    const sheet = workbook.addWorksheet(sheetName(file), { views: [{ state: 'frozen', ySplit: 2 }] });
    sheet.columns = this.columns.map((name, i) => ({
      key: name,
      width: Math.max(10, name.length + 2),
      style: this.kinds[i] === 'integer' ? { numFmt: '0' } : {},
    }));
    const heading = sheet.addRow([inertText(title)]);
    heading.font = { bold: true, size: 13 };
    heading.commit();
    const header = sheet.addRow(this.columns);
    header.font = { bold: true };
    header.commit();
    return { workbook, sheet };
  }

  add(row: Record<string, unknown>): void {
    this.csvText += csvLine(this.columns.map((c) => row[c]));
    if (this.json !== undefined) this.jsonText += `${this.count === 0 ? '' : ','}\n${JSON.stringify(row)}`;
    if (this.book && this.count < XLSX_MAX_ROWS) {
      const sheetRow = this.book.sheet.addRow(this.columns.map((c, i) => this.cell(row[c], this.kinds[i]!)));
      for (let col = 1; col <= this.columns.length; col++) this.shareStyle(sheetRow.getCell(col));
      sheetRow.commit();
    }
    this.count++;
  }

  /**
   * Gives the cell the style object of the first cell of its column and value type. exceljs
   * gives every cell a new copy of its column's style and, on writing, turns each copy into XML
   * to find its style number: half the cost of a workbook. It remembers the number per style
   * object, and the number depends on the style and the value type only, so a shared object
   * gives the same number, worked out once.
   */
  private shareStyle(cell: ExcelJS.Cell): void {
    const key = `${cell.col}:${cell.type}`;
    const shared = this.styles.get(key);
    if (shared) cell.style = shared;
    else this.styles.set(key, cell.style);
  }

  /** Numbers and booleans as typed cells; text neutralised as in the CSV, so that both hold the same. */
  private cell(value: unknown, kind: ColumnKind): ExcelJS.CellValue {
    if (value === null || value === undefined || value === '') return null;
    if (kind === 'text' || typeof value === 'string') return inertText(String(value));
    return value as number | boolean;
  }

  flush(): void {
    writeSync(this.csv, this.csvText);
    if (this.json !== undefined) writeSync(this.json, this.jsonText);
    this.csvText = '';
    this.jsonText = '';
  }

  /** Writes the rest and closes the files; the workbook is removed when Excel could not open it. */
  async close(): Promise<ExportCounts> {
    this.flush();
    closeSync(this.csv);
    if (this.json !== undefined) {
      writeSync(this.json, this.count === 0 ? ']\n' : '\n]\n');
      closeSync(this.json);
    }
    const json = this.json !== undefined;
    if (this.expectedRows !== undefined && this.count !== this.expectedRows) {
      throw new Error(`${this.file}: ${this.count} rows written where ${this.expectedRows} were counted`);
    }
    if (!this.book) return { rows: this.count, xlsx: false, json };
    this.book.sheet.commit();
    await this.book.workbook.commit();
    const xlsx = `${this.file}.xlsx`;
    if (this.count > XLSX_MAX_ROWS) {
      rmSync(xlsx);
      return { rows: this.count, xlsx: false, json };
    }
    const bytes = readFileSync(xlsx);
    fixZipTimestamps(bytes);
    writeFileSync(xlsx, bytes);
    return { rows: this.count, xlsx: true, json };
  }
}

/** The file's name (standings, score_parts): a sheet name Excel accepts (≤ 31 characters, no : \ / ? * [ ]). */
const sheetName = (file: string): string => (file.split(/[\\/]/).at(-1) ?? 'data').replace(/[:\\/?*[\]]/g, '_').slice(0, 31);

/** The downloads one TableExport wrote, as the downloads page lists them. */
export const downloadsOf = (name: string, counts: ExportCounts, descriptionKey: string): Download[] => [
  { file: `${name}.csv`, format: 'csv', rows: counts.rows, descriptionKey },
  ...(counts.json ? [{ file: `${name}.json`, format: 'json' as const, rows: counts.rows, descriptionKey }] : []),
  ...(counts.xlsx ? [{ file: `${name}.xlsx`, format: 'xlsx' as const, rows: counts.rows, descriptionKey }] : []),
];
