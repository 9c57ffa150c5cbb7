-- The data manifest's rows file (exports/data-manifest-rows.parquet): every row's ID, content hash,
-- date and subject, by table and ID, so the bytes repeat for the same data.
SELECT table_name, id, hash, "date", subject
FROM manifest_rows
ORDER BY table_name, id;
