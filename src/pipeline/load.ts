/**
 * Stage 1, load: every CSV the config's globs match goes into a raw_<table> DuckDB table,
 * every column as VARCHAR (typing happens in sql/stg_*.sql, where a bad value can be reported
 * instead of guessed). Each row keeps its file and record number for diagnostics.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import Papa from 'papaparse';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Competition } from '../config/read.ts';
import type { TableName } from '../config/schema.ts';
import { BuildError, displayPath, shown, type Diagnostic } from './diagnostics.ts';
import { TABLES } from './tables.ts';
import { runSqlFile } from './sql.ts';

export interface SourceFile {
  fileId: number;
  table: TableName;
  /** As the clerk knows it: relative to the working directory. */
  displayPath: string;
  /** What DuckDB read: the file itself, or a UTF-8 copy of a BOM or GB18030 file. */
  readPath: string;
  /** Column names in the file's order. */
  header: string[];
}

export interface Loaded {
  files: SourceFile[];
  /** Things the clerk should know that did not stop the build. */
  notes: string[];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** `staging` receives UTF-8 copies of files that need one; it must outlive validation. */
export async function loadTables(db: DuckDBConnection, competition: Competition, staging: string): Promise<Loaded> {
  await runSqlFile(db, 'load_raw_tables');
  const diagnostics: Diagnostic[] = [];
  const notes: string[] = [];
  const files: SourceFile[] = [];
  for (const table of Object.keys(TABLES) as TableName[]) {
      const globs = competition.config.tables[table];
      if (globs === undefined) continue;
      const matched = await expandGlobs(db, competition.dir, [globs].flat());
      if (matched.length === 0) {
        diagnostics.push({ file: path.join(competition.dir, [globs].flat().join(', ')), field: `tables.${table}`, expected: `at least one CSV file for table "${table}"`, found: 'no matching file' });
      }
      for (const file of matched) {
        const source: SourceFile = { fileId: files.length, table, displayPath: displayPath(file), readPath: file, header: [] };
        const prepared = prepareFile(source, staging, notes);
        if ('problem' in prepared) {
          diagnostics.push(prepared.problem);
          continue;
        }
        source.header = prepared.header;
        const attributes = competition.config.org.attributes.filter((a) => a.of === table).map((a) => a.id);
        const headerProblems = checkHeader(source, prepared.header, attributes);
        if (headerProblems.length > 0) {
          diagnostics.push(...headerProblems);
          continue;
        }
        diagnostics.push(...(await insertRaw(db, source, prepared.header, attributes)));
        files.push(source);
      }
    }
  if (diagnostics.length > 0) throw new BuildError('load', diagnostics);
  return { files, notes };
}

async function expandGlobs(db: DuckDBConnection, dir: string, globs: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const glob of globs) {
    const reader = await db.runAndReadAll('SELECT file FROM glob($pattern) ORDER BY file', { pattern: path.join(dir, glob) });
    for (const row of reader.getRowObjectsJS()) found.add(String(row.file));
  }
  return [...found].sort();
}

/** Checks the bytes and, when needed, writes a UTF-8 copy DuckDB can read. */
function prepareFile(source: SourceFile, staging: string, notes: string[]): { header: string[] } | { problem: Diagnostic } {
  const bytes = readFileSync(source.readPath);
  const spec = TABLES[source.table];
  const expectedHeader = `a header line: ${spec.columns.map((c) => c.name).join(',')}`;
  if (!bytes.some((b) => b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) {
    return { problem: { file: source.displayPath, line: 1, expected: expectedHeader, found: 'an empty file' } };
  }
  let text: string | undefined;
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) {
    text = bytes.subarray(3).toString('utf8');
  } else if (!isUtf8(bytes)) {
    // Excel on a Chinese Windows saves "CSV" as GB18030/GBK. Decode it rather than make the clerk convert.
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      notes.push(`${source.displayPath}: not UTF-8; read as GB18030 (GBK), as Excel saves it. Save as "CSV UTF-8" to silence this note.`);
    } catch {
      return {
        problem: {
          file: source.displayPath,
          expected: 'UTF-8 text (or GB18030/GBK as saved by Excel)',
          found: 'bytes that are neither; in Excel use "Save as → CSV UTF-8 (逗号分隔)", or run: iconv -f GB18030 -t UTF-8 in.csv > out.csv',
        },
      };
    }
  }
  if (text !== undefined) {
    source.readPath = path.join(staging, `${source.fileId}.csv`);
    writeFileSync(source.readPath, text);
  }
  const firstLine = (text ?? bytes.subarray(0, 64 * 1024).toString('utf8')).split(/\r?\n/, 1)[0] ?? '';
  const header = Papa.parse<string[]>(firstLine, { header: false }).data[0] ?? [];
  return { header: header.map((h) => h.trim()) };
}

/** `attributes`: the extra columns the config declares for this table (org.attributes). */
function checkHeader(source: SourceFile, header: string[], attributes: string[]): Diagnostic[] {
  const spec = TABLES[source.table];
  const known = [...spec.columns.map((c) => c.name), ...attributes];
  const problems: Diagnostic[] = [];
  header.forEach((name, i) => {
    if (!known.includes(name)) {
      problems.push({ file: source.displayPath, line: 1, column: i + 1, expected: `a column of table "${source.table}": ${known.join(', ')}`, found: `unknown column ${shown(name)}` });
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

async function insertRaw(db: DuckDBConnection, source: SourceFile, header: string[], attributes: string[]): Promise<Diagnostic[]> {
  // Header names were checked against TABLES and the declared attribute IDs above, so they are
  // safe to place in the column list.
  const columnTypes = `{${header.map((h) => `'${h}': 'VARCHAR'`).join(', ')}}`;
  const standard = header.filter((h) => !attributes.includes(h));
  const extra = header.filter((h) => attributes.includes(h));
  // Attribute columns vary by competition, so they travel as one MAP column (name → text).
  const targets = [...standard.map((h) => `"${h}"`), ...(extra.length > 0 ? ['attributes'] : [])].join(', ');
  const values = [
    ...standard.map((h) => `"${h}"`),
    ...(extra.length > 0 ? [`MAP([${extra.map((h) => `'${h}'`).join(', ')}], [${extra.map((h) => `"${h}"`).join(', ')}])`] : []),
  ].join(', ');
  await db.run(
    `INSERT INTO raw_${source.table} (file_id, record_no, ${targets})
     SELECT $fileId, row_number() OVER (), ${values}
     FROM read_csv($path, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
                   columns = ${columnTypes}, store_rejects = true, ignore_errors = true)`,
    { fileId: source.fileId, path: source.readPath },
  );
  const rejects = await db.runAndReadAll(
    // A record can be reported once per column it breaks; the clerk needs it once.
    `SELECT e.line::INTEGER AS record, any_value(e.error_message) AS error_message, any_value(e.csv_line) AS csv_line
     FROM reject_errors e JOIN reject_scans s USING (scan_id, file_id)
     WHERE s.file_path = $path GROUP BY e.line ORDER BY e.line`,
    { path: source.readPath },
  );
  const rejected = rejects.getRowObjectsJS();
  if (rejected.length === 0) return [];
  // DuckDB numbers records from 1 with the header first, so data record k (from 0) is k + 2.
  const dataRecord = (r: (typeof rejected)[number]) => Number(r.record) - 2;
  const lines = recordLines(source.readPath, rejected.map(dataRecord));
  return rejected.map((r) => ({
    file: source.displayPath,
    line: lines.get(dataRecord(r)),
    expected: `${header.length} comma-separated fields (${String(r.error_message)})`,
    found: shown(r.csv_line),
  }));
}

/**
 * Physical line numbers of data records (0-based, header excluded), found with papaparse so that
 * quoted fields spanning several lines are counted right. Only run for files with problems.
 */
export function recordLines(file: string, records: number[]): Map<number, number> {
  const wanted = new Set(records);
  const text = readFileSync(file, 'utf8');
  const lines = new Map<number, number>();
  let record = -1; // the header
  let line = 1;
  let start = 0;
  Papa.parse<string[]>(text, {
    header: false,
    step: (result) => {
      if (wanted.has(record)) lines.set(record, line);
      // The cursor is where the next record starts; count the line breaks on the way there.
      const next = result.meta.cursor;
      for (let i = start; i < next; i++) if (text.charCodeAt(i) === 10) line++;
      start = next;
      record++;
    },
  });
  return lines;
}
