-- The postings of site_entity_postings.sql in the order they were inserted in, which DuckDB keeps
-- (preserve_insertion_order). Each as one JSON object, as site_entity_pages_rows.sql: at 10 million
-- events, converting these rows' 20 columns one value at a time was most of the export's CSV time.
SELECT to_json(p)::VARCHAR AS posting FROM site_entity_postings p;
