-- Each indicator's (or rubric item's) points per subject and span period, the audit trail of the
-- indicators and rubric scores: filled stage by stage by int_stage_scores.sql.
SELECT NULL::VARCHAR AS period_id, NULL::VARCHAR AS score_id, NULL::VARCHAR AS entity_kind, NULL::VARCHAR AS entity_id,
       NULL::VARCHAR AS rule_id, NULL::DOUBLE AS amount, NULL::VARCHAR[] AS source_ids
WHERE false;
