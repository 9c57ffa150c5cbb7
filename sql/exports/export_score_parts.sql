-- $staff_rows: whether each person's parts publish (they are the ledger a person's page shows, so
-- an edition without staff pages, config.public.staff_pages, leaves them out).
SELECT sp.period_id, sp.score_id, sp.entity_kind, sp.entity_id, sp.rule_id, sp.amount, array_to_string(sp.source_ids, ' ') AS source_ids
FROM fct_score_parts sp
JOIN cfg_periods p ON p.period_id = sp.period_id
WHERE sp.entity_kind <> 'staff' OR $staff_rows
ORDER BY p.ord, sp.score_id, sp.entity_kind, sp.entity_id, sp.rule_id;
