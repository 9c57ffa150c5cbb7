/**
 * Stage 1, load: every CSV (or .xlsx, or Parquet) the config's globs match goes into a raw_<table> DuckDB table,
 * every column as VARCHAR (typing happens after validation, from the column spec in tables.ts, where a bad value can be reported
 * instead of guessed). Each row keeps its file and record number for diagnostics.
 *
 * Before DuckDB sees a file, Podium reads it itself (records.ts): the encoding is decided for the
 * whole file, sizes, control characters and the CSV shape are checked, and the records counted.
 * DuckDB only reads files that passed, with LF line ends, and must load exactly that many rows.
 * A Parquet file is read by DuckDB alone: its columns' types are checked first (parquet.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { locateInConfig, type Competition } from '../config/read.ts';
import type { TableName } from '../config/schema.ts';
import { BuildError, displayPath, shown, type Diagnostic } from '../config/diagnostics.ts';
import { TABLES } from '../config/tables.ts';
import { runSqlFile, runStatements } from './sql.ts';
import { rawTablesSql } from './table-sql.ts';
import { tableFiles } from './confine.ts';
import { detectEncoding, encodingAdvice } from '../config/encoding.ts';
import { isWorkbook, unreadableWorkbook, workbookAsCsv } from './workbook.ts';
import { isParquet, parquetCellText, parquetTypeProblems, readParquetShape, unreadableParquet, type ParquetShape } from './parquet.ts';
import { fieldPosition, foreignDelimiter, lineOfOffset, recordLines as recordLinesOf, scanCsv, withLfLineEnds } from './records.ts';

export interface SourceFile {
  fileId: number;
  table: TableName;
  /** As the clerk knows it: relative to the working directory. */
  displayPath: string;
  /** What DuckDB read: the file itself (links resolved), or a UTF-8, LF copy of it. */
  readPath: string;
  /** Column names in the file's order. */
  header: string[];
  /** A Parquet file's column types and row groups: its rows are told by row group and row, not line. */
  parquet?: ParquetShape;
}

export interface Loaded {
  files: SourceFile[];
  /** Things the clerk should know that did not stop the build. */
  notes: string[];
}

/** The attribute columns the config declares for a table (org.attributes): they travel in its raw table's MAP column. */
export const attributeIds = (competition: Competition, table: TableName): string[] => competition.config.org.attributes.filter((a) => a.of === table).map((a) => a.id);

/** `staging` receives UTF-8 copies of files that need one; it must outlive validation. */
export async function loadTables(db: DuckDBConnection, competition: Competition, staging: string): Promise<Loaded> {
  await runStatements(db, rawTablesSql(), 'the raw tables generated from src/config/tables.ts');
  const diagnostics: Diagnostic[] = [];
  let omitted = 0;
  const notes: string[] = [];
  const files: SourceFile[] = [];
  for (const table of Object.keys(TABLES) as TableName[]) {
    const globs = competition.config.tables[table];
    if (globs === undefined) continue;
    const matched = await tableFiles(db, competition.dir, table, globs);
    diagnostics.push(...matched.problems);
    if (matched.files.length === 0 && matched.problems.length === 0) {
      diagnostics.push({
        ...locateInConfig(competition.dir, ['tables', table]),
        field: `tables.${table}`,
        expected: `at least one CSV, .xlsx or Parquet file for table "${table}"`,
        found: `no file matching ${[globs].flat().map((glob) => shown(glob)).join(', ')}`,
      });
    }
    const attributes = attributeIds(competition, table);
    for (const file of matched.files) {
      const source: SourceFile = { fileId: files.length, table, displayPath: displayPath(file.matched), readPath: file.real, header: [] };
      const format = competition.config.table_formats[table];
      const unreadable = unreadableWorkbook(file.matched);
      if (unreadable !== undefined) {
        diagnostics.push({ file: source.displayPath, expected: 'a CSV or .xlsx table', found: unreadable });
        continue;
      }
      const prepared = isParquet(file.matched)
        ? await prepareParquet(db, source, attributes)
        : isWorkbook(file.matched)
          ? await prepareWorkbook(source, staging, attributes, format?.sheet)
          : prepareFile(source, staging, notes, attributes);
      if ('problems' in prepared) {
        diagnostics.push(...prepared.problems);
        omitted += prepared.omitted;
        continue;
      }
      diagnostics.push(...(await insertRaw(db, source, attributes, prepared.records)));
      files.push(source);
    }
  }
  diagnostics.push(...(await acceptExcelDates(db, competition)));
  if (diagnostics.length > 0) throw new BuildError('load', diagnostics, omitted);
  return { files, notes };
}

/**
 * Rewrites, as YYYY-MM-DD, the dates written in an Excel form the config accepts for their table
 * or column (table_formats.<table>.dates); any other form is left for validation to refuse with
 * the fix. Column names come from TABLES, never from the data, so they may be placed in the SQL.
 */
async function acceptExcelDates(db: DuckDBConnection, competition: Competition): Promise<Diagnostic[]> {
  await runSqlFile(db, 'excel_dates');
  const problems: Diagnostic[] = [];
  for (const [table, format] of Object.entries(competition.config.table_formats) as [TableName, { dates?: string[] | Record<string, string[]> }][]) {
    if (format?.dates === undefined) continue;
    const dateColumns = TABLES[table].columns.filter((c) => c.type === 'date').map((c) => c.name);
    const accepted = Array.isArray(format.dates) ? dateColumns.map((c) => [c, format.dates] as [string, string[]]) : Object.entries(format.dates);
    for (const [column, forms] of accepted) {
      if (!dateColumns.includes(column)) {
        problems.push({
          ...locateInConfig(competition.dir, ['table_formats', table, 'dates', column]),
          field: `table_formats.${table}.dates`,
          expected: `a date column of table "${table}": ${dateColumns.join(', ')}`,
          found: shown(column),
        });
        continue;
      }
      // The forms are the schema's enum values (ExcelDateForm), so they too may be placed in the SQL.
      const list = forms.map((f) => `'${f}'`).join(', ');
      await db.run(`UPDATE raw_${table} SET "${column}" = excel_date("${column}") WHERE excel_date_form("${column}") IN (${list}) AND excel_date("${column}") IS NOT NULL`);
    }
  }
  return problems;
}

/**
 * Reads the file once: decides its encoding, checks its shape and counts its records. When DuckDB
 * cannot read the bytes as they are (a byte-order mark, GB18030, CR line ends) it gets a UTF-8 copy
 * with LF line ends, which keeps every record on the same line number.
 */
function prepareFile(source: SourceFile, staging: string, notes: string[], attributes: string[]): Prepared {
  const bytes = readFileSync(source.readPath);
  const encoding = detectEncoding(bytes);
  let text: Uint8Array;
  if (encoding.kind === 'utf8') {
    text = encoding.bom ? bytes.subarray(3) : bytes;
  } else if (encoding.kind === 'gb18030') {
    // Excel on a Chinese Windows saves "CSV" as GB18030/GBK. Decode it rather than make the clerk convert.
    text = Buffer.from(encoding.text);
    notes.push(`${source.displayPath}: not UTF-8; read as GB18030 (GBK), as Excel saves it. Save as "CSV UTF-8" to silence this note.`);
  } else {
    const at = 'badByte' in encoding ? fieldPosition(bytes, encoding.badByte) : {};
    return refused([{ file: source.displayPath, ...at, ...encodingAdvice(encoding, bytes, source.displayPath) }]);
  }
  const columns = [...TABLES[source.table].columns.map((c) => c.name), ...attributes];
  const delimiter = foreignDelimiter(text, columns);
  if (delimiter) {
    return refused([{
      file: source.displayPath,
      line: delimiter.line,
      expected: `columns separated by commas (${columns.slice(0, 3).join(',')},…): Podium reads comma-separated files`,
      found: `columns separated by ${delimiter.name}, ${shown(delimiter.header)}; in Excel use "Save as → CSV UTF-8 (逗号分隔)" (in English Excel "CSV UTF-8 (Comma delimited)")`,
    }]);
  }
  return prepareText(source, text, text !== bytes, staging, attributes);
}

/**
 * An .xlsx table: the one sheet it holds, or the sheet the config names, as CSV text with a line
 * per worksheet row; from here on its messages say `file:sheet:row:column`.
 */
async function prepareWorkbook(source: SourceFile, staging: string, attributes: string[], sheet: string | undefined): Promise<Prepared> {
  const read = await workbookAsCsv(readFileSync(source.readPath), source.displayPath, sheet, `table_formats.${source.table}.sheet`);
  if ('problems' in read) return refused(read.problems);
  source.displayPath = `${source.displayPath}:${read.sheet}`;
  return prepareText(source, Buffer.from(read.text), true, staging, attributes);
}

/**
 * A Parquet table: its header and column types checked against the column spec before a row is
 * read. Its problems name the column (field), as a Parquet file has no lines.
 */
async function prepareParquet(db: DuckDBConnection, source: SourceFile, attributes: string[]): Promise<Prepared> {
  const shape = await readParquetShape(db, source.readPath, source.displayPath);
  if (!('header' in shape)) return refused([shape]);
  source.header = shape.header;
  source.parquet = shape;
  const headerProblems = checkHeader(source, shape.header, attributes).map(({ line: _line, column, ...problem }) => ({
    ...problem,
    ...(column === undefined ? {} : { field: shape.header[column - 1] }),
  }));
  if (headerProblems.length > 0) return refused(headerProblems);
  const typeProblems = parquetTypeProblems(source.displayPath, shape, columnKinds(source.table));
  if (typeProblems.length > 0) return refused(typeProblems);
  return { records: shape.rowGroups.reduce((sum, rows) => sum + rows, 0) };
}

const columnKinds = (table: TableName) => new Map(TABLES[table].columns.map((c) => [c.name, c.type]));

type Prepared = { records: number } | { problems: Diagnostic[]; omitted: number };
const refused = (problems: Diagnostic[], omitted = 0): Prepared => ({ problems, omitted });

/** Checks the shape of a table's UTF-8 text; `copy`: DuckDB must read a copy of it, not the file. */
function prepareText(source: SourceFile, text: Uint8Array, copy: boolean, staging: string, attributes: string[]): Prepared {
  const spec = TABLES[source.table];
  if (!text.some((b) => b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) {
    return refused([{ file: source.displayPath, line: 1, expected: `a header line: ${spec.columns.map((c) => c.name).join(',')}`, found: 'an empty file' }]);
  }
  const visibleText = spec.columns.filter((c) => c.type === 'text' && c.required).map((c) => c.name);
  const shape = scanCsv(text, { visibleText });
  source.header = shape.header;
  const headerProblems = checkHeader(source, shape.header, attributes);
  if (headerProblems.length > 0) return refused(headerProblems);
  if (shape.problems.length > 0) return refused(shape.problems.map((p) => ({ file: source.displayPath, ...p })), shape.omitted);

  if (copy || shape.carriageReturns) {
    source.readPath = path.join(staging, `${source.fileId}.csv`);
    writeFileSync(source.readPath, shape.carriageReturns ? withLfLineEnds(text) : text);
  }
  return { records: shape.records };
}

/** `attributes`: the extra columns the config declares for this table (org.attributes). */
function checkHeader(source: SourceFile, header: string[], attributes: string[]): Diagnostic[] {
  const spec = TABLES[source.table];
  const known = [...spec.columns.map((c) => c.name), ...attributes];
  const problems: Diagnostic[] = [];
  header.forEach((name, i) => {
    if (!known.includes(name)) {
      problems.push({ file: source.displayPath, line: 1, column: i + 1, expected: `a column of table "${source.table}": ${known.join(', ')}`, found: name === '' ? 'a column with no name (a comma at the end of the line?)' : `unknown column ${shown(name)}` });
    } else if (header.indexOf(name) !== i) {
      problems.push({ file: source.displayPath, line: 1, column: i + 1, expected: 'each column once', found: `a second column ${shown(name)}` });
    }
  });
  for (const column of spec.columns) {
    if (column.required && !header.includes(column.name)) {
      problems.push({ file: source.displayPath, line: 1, expected: `a required column "${column.name}" (${column.help})`, found: `header ${shown(header.join(','))}` });
    }
  }
  return problems;
}

/** `counted`: the data records Podium's own reading found; DuckDB must account for every one. */
async function insertRaw(db: DuckDBConnection, source: SourceFile, attributes: string[], counted: number): Promise<Diagnostic[]> {
  const { header } = source;
  if (source.parquet) {
    const { targets, values } = rawColumns(source, attributes);
    return insertParquet(db, source, source.parquet, counted, targets, values);
  }
  let loaded: number;
  try {
    loaded = await readCsvIntoRaw(db, source, attributes);
  } catch (error) {
    return [{ file: source.displayPath, expected: 'a CSV file DuckDB can read', found: `DuckDB's error: ${String((error as Error).message ?? error).split('\n')[0]}` }];
  }
  const rejects = await db.runAndReadAll(
    // A record can be reported once per column it breaks; the clerk needs it once.
    `SELECT e.line_byte_position AS byte_position, any_value(e.error_message) AS error_message, any_value(e.csv_line) AS csv_line
     FROM reject_errors e JOIN reject_scans s USING (scan_id, file_id)
     WHERE s.file_path = $path GROUP BY e.line_byte_position ORDER BY e.line_byte_position`,
    { path: source.readPath },
  );
  const rejected = rejects.getRowObjectsJS();
  const problems: Diagnostic[] = [];
  if (loaded + rejected.length !== counted) {
    problems.push({
      file: source.displayPath,
      expected: `each of its ${counted} records loaded or refused`,
      found: `DuckDB read ${loaded + rejected.length} (${loaded} loaded, ${rejected.length} refused): the two readings of the file differ, so rows could be lost or made up; please report this file`,
    });
  }
  if (rejected.length === 0) return problems;
  // DuckDB read a file with LF line ends only, so a record's byte position gives its line.
  const bytes = readFileSync(source.readPath);
  return [
    ...problems,
    ...rejected.map((r) => ({
      file: source.displayPath,
      line: lineOfOffset(bytes, Number(r.byte_position)),
      expected: `${header.length} comma-separated fields (${String(r.error_message)})`,
      found: shown(r.csv_line),
    })),
  ];
}

/**
 * Reads a CSV file into raw_<table>, each record numbered in file order, every cell as text; the
 * records DuckDB could not read go to its reject tables. Returns how many rows it loaded. The
 * header's names must have been checked against TABLES and the attribute IDs: they are placed in
 * the SQL. (Also the benchmark's plain-DuckDB floor, scripts/bench-data-floor.ts.)
 */
export async function readCsvIntoRaw(db: DuckDBConnection, source: Pick<SourceFile, 'table' | 'fileId' | 'readPath' | 'header'>, attributes: string[]): Promise<number> {
  const columnTypes = `{${source.header.map((h) => `'${h}': 'VARCHAR'`).join(', ')}}`;
  const { targets, values } = rawColumns(source, attributes);
  const inserted = await db.run(
    `INSERT INTO raw_${source.table} (file_id, record_no, ${targets})
     SELECT $fileId, row_number() OVER (), ${values}
     FROM read_csv($path, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
                   columns = ${columnTypes}, store_rejects = true, ignore_errors = true)`,
    { fileId: source.fileId, path: source.readPath },
  );
  return inserted.rowsChanged;
}

/** The raw table's columns a file fills, and the file's cells that fill them; attribute columns travel as one MAP column (name → text), as they vary by competition. */
function rawColumns(source: Pick<SourceFile, 'table' | 'header' | 'parquet'>, attributes: string[]): { targets: string; values: string } {
  const standard = source.header.filter((h) => !attributes.includes(h));
  const extra = source.header.filter((h) => attributes.includes(h));
  const kinds = columnKinds(source.table);
  const cell = (h: string) => (source.parquet ? parquetCellText(h, source.parquet.types[source.header.indexOf(h)]!, kinds.get(h)) : `"${h}"`);
  return {
    targets: [...standard.map((h) => `"${h}"`), ...(extra.length > 0 ? ['attributes'] : [])].join(', '),
    values: [...standard.map(cell), ...(extra.length > 0 ? [`MAP([${extra.map((h) => `'${h}'`).join(', ')}], [${extra.map(cell).join(', ')}])`] : [])].join(', '),
  };
}

/** A Parquet file's rows, numbered in file order (DuckDB's file_row_number), each as the text a CSV cell would hold. */
async function insertParquet(db: DuckDBConnection, source: SourceFile, shape: ParquetShape, counted: number, targets: string, values: string): Promise<Diagnostic[]> {
  let loaded: number;
  try {
    const inserted = await db.run(
      `INSERT INTO raw_${source.table} (file_id, record_no, ${targets})
       SELECT $fileId, file_row_number + 1, ${values}
       FROM read_parquet($path, file_row_number = true)`,
      { fileId: source.fileId, path: source.readPath },
    );
    loaded = inserted.rowsChanged;
  } catch (error) {
    return [unreadableParquet(error, source.readPath, source.displayPath)];
  }
  if (loaded === counted) return [];
  return [{ file: source.displayPath, expected: `the ${counted} rows its ${shape.rowGroups.length} row group(s) declare`, found: `${loaded} rows read` }];
}

/**
 * Physical line numbers of data records (0-based, header excluded) of a file DuckDB read, by
 * Podium's own reading, which skips empty lines as DuckDB does and counts quoted line breaks.
 * Only run for files with problems.
 */
export function recordLines(file: string, records: number[]): Map<number, number> {
  return recordLinesOf(readFileSync(file), records);
}
