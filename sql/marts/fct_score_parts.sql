-- podium: view
-- The audit trail: for each entity, span period, score and rule, the amount it contributed and the
-- sorted IDs of the records behind it (int_score_parts, which tells which rule is what, with the
-- IDs of the parts read straight from records from int_base_part_records). A view, read once, by
-- the export: the IDs of two million events' parts are lists of millions of IDs.
SELECT p.period_id, p.score_id, p.entity_kind, p.entity_id, p.rule_id, p.amount,
       CASE WHEN p.from_records THEN coalesce(r.source_ids, []::VARCHAR[]) ELSE p.source_ids END AS source_ids
FROM int_score_parts p
-- At most one row of records per part: they are grouped by these keys.
LEFT JOIN int_base_part_records r USING (period_id, score_id, entity_kind, entity_id, rule_id);
