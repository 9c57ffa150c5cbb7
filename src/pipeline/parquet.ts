/**
 * A table as a local Parquet file (`events/2025.parquet`), beside or instead of CSV: DuckDB reads
 * it natively, typed and column by column, so a year of events loads without Podium parsing text.
 * Its columns are checked against the column spec before a row is read (a wrong physical type is
 * refused at the column), then its values go into the same VARCHAR raw tables as a CSV's, so the
 * same validation judges them. A row is told by its row group and its row within the group,
 * both counted from 0 as Parquet tools count them (DuckDB's parquet_metadata, pyarrow's
 * read_row_group).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Diagnostic } from '../config/diagnostics.ts';
import type { ColumnType } from '../config/tables.ts';

export const isParquet = (file: string): boolean => /\.parquet$/i.test(file);

export interface ParquetShape {
  header: string[];
  /** DuckDB's type of each column of `header`. */
  types: string[];
  /** The rows of each row group, in file order. */
  rowGroups: number[];
}

const INTEGER = ['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT'];
const isDecimal = (type: string) => /^DECIMAL\(\d+,\s*\d+\)$/.test(type);

/**
 * The Parquet types each kind of column accepts besides VARCHAR, and how such a value becomes the
 * text a CSV cell would hold. A time stays text (HH:MM): a TIME's seconds would be dropped unseen.
 */
const ACCEPTED: Record<ColumnType, { types: string; accepts: (type: string) => boolean; asText: (column: string) => string }> = {
  id: { types: 'VARCHAR', accepts: () => false, asText: (c) => c },
  text: { types: 'VARCHAR', accepts: () => false, asText: (c) => c },
  enum: { types: 'VARCHAR', accepts: () => false, asText: (c) => c },
  time: { types: 'VARCHAR (HH:MM)', accepts: () => false, asText: (c) => c },
  date: { types: 'DATE or VARCHAR', accepts: (t) => t === 'DATE', asText: (c) => `strftime(${c}, '%Y-%m-%d')` },
  number: { types: 'an integer, FLOAT, DOUBLE, DECIMAL or VARCHAR', accepts: (t) => INTEGER.includes(t) || t === 'FLOAT' || t === 'DOUBLE' || isDecimal(t), asText: (c) => `${c}::VARCHAR` },
  count: { types: 'an integer or VARCHAR', accepts: (t) => INTEGER.includes(t), asText: (c) => `${c}::VARCHAR` },
  flag: { types: 'BOOLEAN or VARCHAR (yes, no)', accepts: (t) => t === 'BOOLEAN', asText: (c) => `CASE WHEN ${c} THEN 'yes' WHEN NOT ${c} THEN 'no' END` },
};

/** Its columns and row groups, or why DuckDB cannot read it as Parquet (a truncated or renamed file). */
export async function readParquetShape(db: DuckDBConnection, readPath: string, shownPath: string): Promise<ParquetShape | Diagnostic> {
  try {
    const columns = (await db.runAndReadAll('DESCRIBE SELECT * FROM read_parquet($path)', { path: readPath })).getRowObjectsJS();
    const groups = (
      await db.runAndReadAll('SELECT row_group_id, any_value(row_group_num_rows) AS num_rows FROM parquet_metadata($path) GROUP BY ALL ORDER BY row_group_id', { path: readPath })
    ).getRowObjectsJS();
    return { header: columns.map((c) => String(c.column_name)), types: columns.map((c) => String(c.column_type)), rowGroups: groups.map((g) => Number(g.num_rows)) };
  } catch (error) {
    return unreadableParquet(error, readPath, shownPath);
  }
}

/** DuckDB's reason, naming the file as the clerk knows it (DuckDB names the path it read). */
export function unreadableParquet(error: unknown, readPath: string, shownPath: string): Diagnostic {
  const message = String((error as Error).message ?? error).split('\n')[0]!.replaceAll(readPath, shownPath);
  return { file: shownPath, expected: 'a Parquet file (as DuckDB, pandas or Spark write it)', found: `a file DuckDB cannot read as Parquet: ${message.slice(0, 300)}` };
}

/** Columns of a physical type their kind does not take; `kinds`: each known column's kind (attributes are text). */
export function parquetTypeProblems(file: string, shape: ParquetShape, kinds: Map<string, ColumnType>): Diagnostic[] {
  return shape.header.flatMap((name, i) => {
    const type = shape.types[i]!;
    const accepted = ACCEPTED[kinds.get(name) ?? 'text'];
    if (type === 'VARCHAR' || accepted.accepts(type)) return [];
    return [{ file, field: name, expected: `a Parquet column of type ${accepted.types}`, found: `${type}` }];
  });
}

/**
 * The SQL that reads column `name` (checked against the spec, so safe to place) as the text a CSV
 * cell would hold: an empty string is an empty cell (NULL), as DuckDB reads one from a CSV.
 */
export function parquetCellText(name: string, type: string, kind: ColumnType | undefined): string {
  return type === 'VARCHAR' ? `nullif("${name}", '')` : ACCEPTED[kind ?? 'text'].asText(`"${name}"`);
}

/** Where the file's `recordNo`th row (from 1, as the raw tables count) is: its row group and its row in it, from 0. */
export function parquetPlace(rowGroups: number[], recordNo: number): { rowGroup: number; row: number } {
  let row = recordNo - 1;
  for (const [rowGroup, rows] of rowGroups.entries()) {
    if (row < rows) return { rowGroup, row };
    row -= rows;
  }
  throw new Error(`row ${recordNo} is past the ${rowGroups.reduce((a, b) => a + b, 0)} rows of the file`);
}
