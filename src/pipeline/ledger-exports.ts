/**
 * The event ledger's downloads: the audit trail (score_parts), the per-event fines and their
 * totals per period, each streamed into a TableExport so that a large competition never sits in
 * memory. The audit trail, millions of rows at scale, is written as Parquet instead of JSON, for
 * tools that read it typed and column by column (DuckDB, pandas, Power BI).
 */
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { z } from 'zod';
import type { Competition } from '../config/read.ts';
import { localize } from '../config/text.ts';
import type { Download, PeriodInfo } from '../site/model.ts';
import { FineExportRow, FineTotalExportRow, ScorePartExportRow } from './export-schemas.ts';
import { downloadsOf, TableExport, type ExportCounts, type TableExportOptions } from './table-export.ts';
import { publishesStaffPages } from '../config/public-edition.ts';
import { copyToParquet, countRows, streamRows, type SqlParams } from './sql.ts';

const AUDIT_PARQUET = 'score_parts.parquet';

/** The exports DuckDB writes itself, so it must be let write them after scoring (scoreCompetition). */
export const databaseExports = (exportsDir: string): string[] => [path.join(exportsDir, AUDIT_PARQUET)];

async function writeRowExports<Row extends object, Out extends Record<string, unknown>>(
  db: DuckDBConnection,
  query: string,
  params: SqlParams,
  schema: z.ZodObject,
  file: string,
  title: string,
  toExport: (row: Row) => Out,
  options?: TableExportOptions,
): Promise<{ counts: ExportCounts; written: Promise<void> }> {
  // Counted first, so that a table over Excel's limit begins no workbook.
  const table = await TableExport.create(file, schema, title, { ...options, rows: await countRows(db, query, params) });
  for await (const chunk of streamRows<Row>(db, query, params)) {
    for (const row of chunk) table.add(toExport(row));
    table.flush();
  }
  return table.finish();
}

/**
 * `title` heads each workbook's sheet. The workbooks are still being written when this returns:
 * each of `written` settles when its file is done, so that the export goes on meanwhile.
 */
export async function writeLedgerExports(
  db: DuckDBConnection,
  competition: Competition,
  periods: PeriodInfo[],
  exportsDir: string,
  title: string,
): Promise<{ downloads: Download[]; written: Promise<void>[] }> {
  const { config, locale } = competition;
  const typeLabel = new Map(config.event_types.map((t) => [t.id, localize(t.label, locale)]));
  const periodLabel = new Map(periods.map((p) => [p.id, p.label]));
  // A person's parts and fines are the ledger of their page: without staff pages, no file holds them.
  const params = { staff_rows: publishesStaffPages(config) };
  // No JSON copy: the Parquet file is the typed one, and one JSON array of millions of rows (46 MB
  // at 5,000 pages) served no reader.
  // The Parquet file first, and the CSV and workbook read back from it: the record-ID lists of
  // every part (int_base_part_records) are then made once.
  const auditParquet = path.join(exportsDir, AUDIT_PARQUET);
  await copyToParquet(db, 'export_score_parts', auditParquet, params);
  const { counts: parts, written: partsWritten } = await writeRowExports(db, 'export_score_parts_written', { file: auditParquet }, ScorePartExportRow, path.join(exportsDir, 'score_parts'), title, (row: ScorePartExportRow) => ({ ...row }), { json: false });
  const { counts: fines, written: finesWritten } = await writeRowExports(db, 'export_fines', params, FineExportRow, path.join(exportsDir, 'fines'), title, (row: Omit<FineExportRow, 'type_label'>) => {
    const { event_id, date, type_id, ...rest } = row;
    return { event_id, date, type_id, type_label: typeLabel.get(type_id) ?? type_id, ...rest } satisfies FineExportRow;
  });
  const { counts: totals, written: totalsWritten } = await writeRowExports(db, 'export_fine_totals', params, FineTotalExportRow, path.join(exportsDir, 'fine_totals'), title, (row: Omit<FineTotalExportRow, 'period_label'>) => {
    const { period_id, ...rest } = row;
    return { period_id, period_label: periodLabel.get(period_id) ?? period_id, ...rest } satisfies FineTotalExportRow;
  });
  const downloads: Download[] = [
    ...downloadsOf('score_parts', parts, 'download.scoreParts'),
    { file: AUDIT_PARQUET, format: 'parquet', rows: parts.rows, descriptionKey: 'download.scoreParts' },
    ...(config.event_types.some((t) => t.fine) ? [...downloadsOf('fines', fines, 'download.fines'), ...downloadsOf('fine_totals', totals, 'download.fineTotals')] : []),
  ];
  return { downloads, written: [partsWritten, finesWritten, totalsWritten] };
}
