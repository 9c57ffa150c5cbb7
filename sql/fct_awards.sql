-- Award and penalty lists, one row per candidate that matched an award's condition:
-- `winner`, `ineligible` (see int_award_exclusions) or `not_placed` (outside the quota).
-- Filled one award at a time by fct_awards_select.sql, in config order, so that an award can
-- take its candidates from the winners of an award above it (a funnel).
CREATE TABLE fct_awards (
  award_id VARCHAR, award_ord INTEGER, kind VARCHAR, period_id VARCHAR, entity_kind VARCHAR, entity_id VARCHAR,
  quota_group VARCHAR, score DECIMAL(18, 6), rank INTEGER, place INTEGER, places INTEGER, amount DECIMAL(18, 2),
  outcome VARCHAR, tie_overflow BOOLEAN, tie_break_decided BOOLEAN, group_candidates INTEGER
);
