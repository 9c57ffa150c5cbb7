-- The postings of site_entity_postings.sql in the order they were inserted in, which DuckDB keeps
-- (preserve_insertion_order), each as one JSON object, read by streamJsonRows (src/pipeline/sql.ts):
-- at 10 million events, converting these rows' 20 columns one value at a time was most of the
-- export's CSV time.
SELECT to_json(p)::VARCHAR AS json FROM site_entity_postings p;
