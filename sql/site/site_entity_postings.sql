-- Every posting of the entities of one batch whose page leaves some out (site_posting_rows.sql),
-- for their CSV: entity after entity, each newest first as its page lists them, all scores together.
-- Made as a table, so that DuckDB sorts on every core; a streamed query sorted on one (147 s of
-- the export at 10 million events). site_entity_postings_rows.sql reads it back in this order.
CREATE OR REPLACE TEMP TABLE site_entity_postings AS
SELECT * FROM site_posting_rows($batch, $batches, $listed, true)
ORDER BY entity_kind, entity_id, date DESC, source_id, role, source_table, rule_id, via_kind NULLS FIRST, via_id NULLS FIRST, points;
