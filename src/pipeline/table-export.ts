/**
 * A download written twice, as CSV (formula-neutralised, with a byte-order mark) and as a JSON
 * array, with the columns of its zod schema (export-schemas.ts). Rows are buffered and written
 * per `flush()`, so a large competition can stream its rows chunk by chunk without holding the
 * table in memory.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { z } from 'zod';
import { csvLine } from './csv.ts';
import { columnsOf } from './export-schemas.ts';

const UTF8_BOM = '\uFEFF';

export class TableExport {
  private readonly columns: string[];
  private readonly csv: number;
  private readonly json: number;
  private csvText = '';
  private jsonText = '';
  private count = 0;

  /** `file` is the path without extension: `<file>.csv` and `<file>.json` are written. */
  constructor(file: string, schema: z.ZodObject) {
    this.columns = columnsOf(schema);
    this.csv = openSync(`${file}.csv`, 'w');
    this.json = openSync(`${file}.json`, 'w');
    // A byte-order mark tells Excel on a Chinese Windows the file is UTF-8; without it a
    // double-click shows every name as mojibake.
    writeSync(this.csv, `${UTF8_BOM}${csvLine(this.columns)}`);
    writeSync(this.json, '[');
  }

  add(row: Record<string, unknown>): void {
    this.csvText += csvLine(this.columns.map((c) => row[c]));
    this.jsonText += `${this.count === 0 ? '' : ','}\n${JSON.stringify(row)}`;
    this.count++;
  }

  flush(): void {
    writeSync(this.csv, this.csvText);
    writeSync(this.json, this.jsonText);
    this.csvText = '';
    this.jsonText = '';
  }

  /** Writes the rest and closes both files; returns the number of rows. */
  close(): number {
    this.flush();
    writeSync(this.json, this.count === 0 ? ']\n' : '\n]\n');
    closeSync(this.csv);
    closeSync(this.json);
    return this.count;
  }
}
