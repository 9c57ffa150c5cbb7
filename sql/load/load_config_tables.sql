-- The config, as tables, so that scoring SQL joins on rules instead of having values glued in.
-- Rows are inserted by column name (src/pipeline/config-tables.ts): column order here is free.
-- closed_through: NULL when the config leaves it out (periods close with the data, int_as_of.sql).
-- locale: the edition being built (zh-CN or en), which picks the names of units and staff.
CREATE TABLE cfg_competition (start_date DATE, end_date DATE, closed_through DATE, locale VARCHAR);
CREATE TABLE cfg_levels (level_id VARCHAR, depth INTEGER);
CREATE TABLE cfg_periods (period_id VARCHAR, kind VARCHAR, start_date DATE, end_date DATE, ord INTEGER, combined BOOLEAN);
CREATE TABLE cfg_period_parts (period_id VARCHAR, part_id VARCHAR, weight DECIMAL(18, 6));
-- stage: scores of a stage read only scores of earlier stages (src/config/score-graph.ts); floor and
-- cap bound each period's score.
CREATE TABLE cfg_scores (score_id VARCHAR, model VARCHAR, base DECIMAL(18, 6), aggregate VARCHAR, stage INTEGER, floor DECIMAL(18, 6), cap DECIMAL(18, 6));
CREATE TABLE cfg_score_subjects (score_id VARCHAR, subject VARCHAR);
CREATE TABLE cfg_score_check_kinds (score_id VARCHAR, check_kind VARCHAR);
CREATE TABLE cfg_scores_excluding_unsigned (score_id VARCHAR);
CREATE TABLE cfg_event_types (type_id VARCHAR, score_id VARCHAR, sign INTEGER, fixed_points DECIMAL(18, 6), min_points DECIMAL(18, 6), max_points DECIMAL(18, 6), verified_only BOOLEAN);
CREATE TABLE cfg_cascades (type_id VARCHAR, step INTEGER, target VARCHAR, level_id VARCHAR, points DECIMAL(18, 6));
CREATE TABLE cfg_survey_points (score_id VARCHAR, satisfied DECIMAL(18, 6), neutral DECIMAL(18, 6), unsatisfied DECIMAL(18, 6));
CREATE TABLE cfg_rankings (ranking_id VARCHAR, ord INTEGER, score_id VARCHAR, subject VARCHAR, within_level VARCHAR, descending BOOLEAN);
-- Awards: the amount, condition and ordering expressions are macros over one standing STRUCT (src/pipeline/award-expressions.ts).
CREATE TABLE cfg_awards (award_id VARCHAR, ord INTEGER, kind VARCHAR, ranking_id VARCHAR, places INTEGER, candidates VARCHAR,
  floor_at_zero BOOLEAN, round_yuan BOOLEAN, order_descending BOOLEAN, reached_op VARCHAR, reached_value DECIMAL(18, 6),
  quota_level VARCHAR, quota_attribute VARCHAR, share_fraction DECIMAL(18, 6), share_rounding VARCHAR, share_min INTEGER, competitive BOOLEAN);
CREATE TABLE cfg_award_periods (award_id VARCHAR, period_id VARCHAR);
CREATE TABLE cfg_award_group_places (award_id VARCHAR, group_id VARCHAR, places INTEGER);
CREATE TABLE cfg_award_tie_breaks (award_id VARCHAR, step INTEGER, score_id VARCHAR, descending BOOLEAN);
CREATE TABLE cfg_award_funnels (award_id VARCHAR, source_award_id VARCHAR, op VARCHAR, value DECIMAL(18, 6));
CREATE TABLE cfg_award_eligibility (award_id VARCHAR, rule_id VARCHAR);
CREATE TABLE cfg_eligibility (rule_id VARCHAR, ord INTEGER, kind VARCHAR, score_id VARCHAR, period_id VARCHAR, ancestors BOOLEAN,
  attribute_id VARCHAR, op VARCHAR, value_number DECIMAL(18, 6), value_date DATE, missing_out BOOLEAN);
CREATE TABLE cfg_eligibility_values (rule_id VARCHAR, value VARCHAR);
CREATE TABLE cfg_ranking_periods (ranking_id VARCHAR, period_id VARCHAR);
-- ord: a period's targets in config order; the first that applies to a subject wins.
CREATE TABLE cfg_targets (period_id VARCHAR, score_id VARCHAR, op VARCHAR, value DECIMAL(18, 6), ord INTEGER, attribute_id VARCHAR, equals VARCHAR);
CREATE TABLE cfg_attributes (attribute_id VARCHAR, of_table VARCHAR, type VARCHAR, required BOOLEAN);
-- Inspection cadence rules counted by the hour (per: hours): inspections of their method at their level need a time;
-- slots: slots a day, for the row budget.
CREATE TABLE cfg_hourly_cadences (rule_id VARCHAR, method VARCHAR, level_id VARCHAR, slots INTEGER);
-- Threshold test shared by the award models: `x op v` for a configured op.
CREATE MACRO meets_threshold(x, op, v) AS CASE op WHEN '>=' THEN x >= v WHEN '>' THEN x > v WHEN '<' THEN x < v WHEN '<=' THEN x <= v END;
-- A value kept between a floor and a cap, either of which may be NULL (no bound: greatest and least
-- skip NULLs); a missing value stays missing.
CREATE MACRO bounded(x, lo, hi) AS CASE WHEN x IS NOT NULL THEN least(greatest(x, lo), hi) END;
-- Event ledger rules (appeals, repeats, priority items, fines, tallies): see docs/config/ledger.md.
CREATE TABLE cfg_event_multipliers (type_id VARCHAR, repeat_within VARCHAR, repeat_multiplier DECIMAL(18, 6), priority_multiplier DECIMAL(18, 6), combine VARCHAR);
CREATE TABLE cfg_fines (type_id VARCHAR, kind VARCHAR, fixed_amount DECIMAL(18, 2), min_amount DECIMAL(18, 2), max_amount DECIMAL(18, 2), per_point DECIMAL(18, 2), repeat_per_point DECIMAL(18, 2), on_repeat VARCHAR);
CREATE TABLE cfg_tallies (score_id VARCHAR, measure VARCHAR, amount_op VARCHAR, amount_value DECIMAL(18, 2));
CREATE TABLE cfg_tally_types (score_id VARCHAR, type_id VARCHAR);
CREATE TABLE cfg_tally_statuses (score_id VARCHAR, status VARCHAR);
-- Score models beyond the ledger. A source key names where a value comes from:
-- 'score:<id>' or 'metric:<id>:<aggregate>' (see int_source_values).
CREATE TABLE cfg_metrics (metric_id VARCHAR);
CREATE TABLE cfg_metric_scores (score_id VARCHAR, metric_id VARCHAR, aggregate VARCHAR);
-- A term's key is a source key; its rule names its audit row ('numerator:<metric>', 'denominator:score:<id>').
CREATE TABLE cfg_ratio_scores (score_id VARCHAR, numerator_key VARCHAR, numerator_rule VARCHAR, denominator_key VARCHAR, denominator_rule VARCHAR, on_nonpositive VARCHAR, scale DECIMAL(18, 6));
-- Indicators and rubric items; a rubric item is a 'scaled' part with scale = weight = cap = its maximum.
-- floor_points and cap_points bound the indicator's points (NULL: no bound).
CREATE TABLE cfg_indicators (score_id VARCHAR, indicator_id VARCHAR, ord INTEGER, kind VARCHAR, weight DECIMAL(18, 6), floor_points DECIMAL(18, 6), cap_points DECIMAL(18, 6), scale DECIMAL(18, 6), factor DECIMAL(18, 6), points DECIMAL(18, 6), on_nonpositive VARCHAR);
-- Term 1 is the indicator's value, term 2 a two-part ratio's increment; peer_kind is NULL (no division), 'sum', 'mean' or 'top'.
CREATE TABLE cfg_indicator_terms (score_id VARCHAR, indicator_id VARCHAR, term INTEGER, source_key VARCHAR, peer_kind VARCHAR, peer_key VARCHAR, share DECIMAL(18, 6));
CREATE TABLE cfg_composites (score_id VARCHAR, exemption_rule VARCHAR);
CREATE TABLE cfg_exemptions (score_id VARCHAR, indicator_id VARCHAR, unit_id VARCHAR);
CREATE TABLE cfg_rollups (score_id VARCHAR, of_score_id VARCHAR, from_subject VARCHAR, aggregate VARCHAR, weight_key VARCHAR);
