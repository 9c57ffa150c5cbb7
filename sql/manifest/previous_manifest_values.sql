-- The values file of the site this build replaces ($file, checked against its manifest's SHA-256).
CREATE OR REPLACE TABLE previous_manifest_values AS
SELECT kind::VARCHAR AS kind, of::VARCHAR AS of, period_id::VARCHAR AS period_id, entity::VARCHAR AS entity, value::DOUBLE AS value
FROM read_parquet($file);
