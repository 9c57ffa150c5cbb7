-- Each entity's page row as one JSON object, read by streamJsonRows (src/pipeline/sql.ts).
SELECT to_json(p)::VARCHAR AS json
FROM site_entity_pages p;
