/** The audit trail a build published, read from its Parquet file (it has no JSON copy) and checked against its schema. */
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { ScorePartExportRow } from '../../src/pipeline/export-schemas.ts';

export async function readScoreParts(exportsDir: string): Promise<ScorePartExportRow[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  try {
    const reader = await db.runAndReadAll('SELECT * FROM read_parquet($file)', { file: path.join(exportsDir, 'score_parts.parquet') });
    return ScorePartExportRow.array().parse(reader.getRowObjectsJS());
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}
