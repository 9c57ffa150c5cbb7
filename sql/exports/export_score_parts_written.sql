-- The audit trail as its CSV and workbook list it: the rows of its Parquet file ($file, written
-- first from export_score_parts.sql), in the file's order, so that its record-ID lists are made once.
SELECT * FROM read_parquet($file);
