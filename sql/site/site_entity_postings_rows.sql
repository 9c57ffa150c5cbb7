-- The postings of site_entity_postings.sql in the order they were inserted in, which DuckDB keeps
-- (preserve_insertion_order).
SELECT * FROM site_entity_postings;
