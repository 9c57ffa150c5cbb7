-- Each entity's page row as one JSON object: DuckDB writes it in parallel, and one JSON.parse per
-- page reads it far faster than converting a row of nested values, or of many JSON columns, one
-- value at a time.
SELECT to_json(p)::VARCHAR AS page
FROM site_entity_pages p;
