-- The rows file of the site this build replaces ($file, checked against its manifest's SHA-256).
CREATE OR REPLACE TABLE previous_manifest_rows AS
SELECT table_name::VARCHAR AS table_name, id::VARCHAR AS id, hash::VARCHAR AS hash, "date"::VARCHAR AS "date", subject::VARCHAR AS subject
FROM read_parquet($file);
