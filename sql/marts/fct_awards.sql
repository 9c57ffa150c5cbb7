-- Award and penalty lists, one row per candidate that matched an award's condition:
-- `winner`, `ineligible` (see int_award_exclusions) or `not_placed` (outside the quota).
-- Filled one award at a time by fct_awards_select.sql, in config order, so that an award can
-- take its candidates from the winners of an award above it (a funnel).
SELECT NULL::VARCHAR AS award_id, NULL::INTEGER AS award_ord, NULL::VARCHAR AS kind, NULL::VARCHAR AS period_id,
       NULL::VARCHAR AS entity_kind, NULL::VARCHAR AS entity_id, NULL::VARCHAR AS quota_group, NULL::DECIMAL(18, 6) AS score,
       NULL::INTEGER AS rank, NULL::INTEGER AS place, NULL::INTEGER AS places, NULL::DECIMAL(18, 2) AS amount,
       NULL::VARCHAR AS outcome, NULL::BOOLEAN AS tie_overflow, NULL::BOOLEAN AS tie_break_decided, NULL::INTEGER AS group_candidates
WHERE false;
