-- The manifest's tables, once its files are written and the changes read: held on, they would
-- take from the export's DuckDB budget what the entity pages' batches after them need (a row of
-- the manifest per record: 10 million at 10 million events).
DROP TABLE IF EXISTS manifest_rows;
DROP TABLE IF EXISTS previous_manifest_rows;
DROP TABLE IF EXISTS manifest_values;
DROP TABLE IF EXISTS previous_manifest_values;
