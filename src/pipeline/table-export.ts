/**
 * A download written three times: as CSV (formula-neutralised, with a byte-order mark), as a
 * JSON array (unless left out), and as an Excel workbook (text cells in the Text format, so the
 * text shows as typed and stays text when edited), with the columns of its zod schema
 * (export-schemas.ts).
 * Rows are buffered and written per `flush()`, so a large competition can stream its rows chunk
 * by chunk without holding the table in memory; the workbook is streamed too, by a worker
 * thread (workbook-worker.mjs) that writes it while this thread reads and writes the rest.
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { z } from 'zod';
import { csvLine, UTF8_BOM } from '../site/csv.ts';
import { columnsOf } from './export-schemas.ts';
import type { Download } from '../site/model.ts';

/** Excel opens at most 1,048,576 rows; the sheet's first two are the title and the header. */
export const XLSX_MAX_ROWS = 1_048_576 - 2;

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

type Cell = string | number | boolean | null;

/** The thread that writes the workbooks, started with the first; it keeps the process alive only while a workbook is open. */
let workbookThread: { worker: Worker; books: Map<number, { done: () => void; failed: (error: Error) => void }>; nextId: number } | undefined;

function workbookWorker(): NonNullable<typeof workbookThread> {
  if (workbookThread) return workbookThread;
  const worker = new Worker(new URL('./workbook-worker.mjs', import.meta.url));
  const thread = { worker, books: new Map<number, { done: () => void; failed: (error: Error) => void }>(), nextId: 0 };
  worker.on('message', (message: { id: number; closed?: true; failed?: string }) => {
    const book = thread.books.get(message.id);
    thread.books.delete(message.id);
    if (thread.books.size === 0) worker.unref();
    if (message.closed) book?.done();
    else book?.failed(new Error(`workbook: ${message.failed}`));
  });
  const stopped = (error: Error) => {
    if (workbookThread === thread) workbookThread = undefined;
    for (const book of thread.books.values()) book.failed(error);
    thread.books.clear();
  };
  worker.on('error', stopped);
  worker.on('exit', (code) => stopped(new Error(`workbook: the worker stopped with exit code ${code}`)));
  worker.unref();
  return (workbookThread = thread);
}

/** The workbook `<file>.xlsx`, written by the worker; `written` settles when the file is complete. */
class Book {
  private readonly thread = workbookWorker();
  private readonly id = this.thread.nextId++;
  readonly written: Promise<void>;

  constructor(file: string, title: string, columns: string[], kinds: ColumnKind[]) {
    this.written = new Promise<void>((done, failed) => this.thread.books.set(this.id, { done, failed }));
    // Settled whether or not anyone waits yet: close() awaits it.
    this.written.catch(() => undefined);
    this.thread.worker.ref();
    this.post({ kind: 'begin', file: `${file}.xlsx`, title, sheet: sheetName(file), columns, integers: kinds.map((k) => k === 'integer') });
  }

  post(message: Record<string, unknown>): void {
    this.thread.worker.postMessage({ id: this.id, ...message });
  }
}

export class TableExport {
  private readonly columns: string[];
  private readonly kinds: ColumnKind[];
  private readonly csv: number;
  private readonly json: number | undefined;
  private readonly book: Book | undefined;
  private sheetRows: Cell[][] = [];
  private csvText = '';
  private jsonText = '';
  private count = 0;

  /**
   * `file` is the path without extension: `<file>.csv`, `<file>.json` and `<file>.xlsx` are
   * written. `title` heads the sheet (the competition's name and the data date).
   */
  static async create(file: string, schema: z.ZodObject, title: string, options: TableExportOptions = {}): Promise<TableExport> {
    return new TableExport(file, schema, title, options.json ?? true, options.rows);
  }

  private constructor(
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
    const fitsExcel = expectedRows === undefined || expectedRows <= XLSX_MAX_ROWS;
    this.book = fitsExcel ? new Book(file, title, this.columns, this.kinds) : undefined;
  }

  add(row: Record<string, unknown>): void {
    this.csvText += csvLine(this.columns.map((c) => row[c]));
    if (this.json !== undefined) this.jsonText += `${this.count === 0 ? '' : ','}\n${JSON.stringify(row)}`;
    if (this.book && this.count < XLSX_MAX_ROWS) this.sheetRows.push(this.columns.map((c, i) => this.cell(row[c], this.kinds[i]!)));
    this.count++;
  }

  /**
   * Numbers and booleans as typed cells; text as it is, not neutralised as in the CSV: a string
   * cell is never a formula, and the worker gives it the Text format, under which Excel keeps an
   * edited cell as text too, so an apostrophe would only show.
   */
  private cell(value: unknown, kind: ColumnKind): Cell {
    if (value === null || value === undefined || value === '') return null;
    if (kind === 'text' || typeof value === 'string') return String(value);
    return value as number | boolean;
  }

  flush(): void {
    writeSync(this.csv, this.csvText);
    if (this.json !== undefined) writeSync(this.json, this.jsonText);
    if (this.sheetRows.length > 0) this.book?.post({ kind: 'rows', rows: this.sheetRows });
    this.csvText = '';
    this.jsonText = '';
    this.sheetRows = [];
  }

  /** Writes the rest and closes the files, the workbook included; it is removed when Excel could not open it. */
  async close(): Promise<ExportCounts> {
    const { counts, written } = this.finish();
    await written;
    return counts;
  }

  /**
   * Writes the rest and closes the CSV and JSON now, and the workbook when the worker is done
   * with it: `written` settles then (the caller awaits it before the build is done), so that the
   * caller can go on with other work meanwhile.
   */
  finish(): { counts: ExportCounts; written: Promise<void> } {
    this.flush();
    closeSync(this.csv);
    if (this.json !== undefined) {
      writeSync(this.json, this.count === 0 ? ']\n' : '\n]\n');
      closeSync(this.json);
    }
    if (this.expectedRows !== undefined && this.count !== this.expectedRows) {
      throw new Error(`${this.file}: ${this.count} rows written where ${this.expectedRows} were counted`);
    }
    const counts = { rows: this.count, xlsx: this.book !== undefined && this.count <= XLSX_MAX_ROWS, json: this.json !== undefined };
    if (!this.book) return { counts, written: Promise.resolve() };
    this.book.post({ kind: 'close' });
    const xlsx = `${this.file}.xlsx`;
    const written = this.book.written.then(() => {
      if (!counts.xlsx) rmSync(xlsx);
    });
    // Settled whether or not the caller gets to await it (a later stage may fail first).
    written.catch(() => undefined);
    return { counts, written };
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
