-- Every posting of the entities of one batch whose page leaves some out (site_posting_rows.sql),
-- for their CSV: entity after entity, each newest first as its page lists them, all scores together.
SELECT * FROM site_posting_rows($batch, $batches, $listed, true)
ORDER BY entity_kind, entity_id, date DESC, source_id, role, source_table, rule_id, via_kind NULLS FIRST, via_id NULLS FIRST, points;
