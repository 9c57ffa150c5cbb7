-- Every score of every span period, kept between its floor and cap (score) beside the value its
-- model gave (raw_score), and each indicator's or rubric item's points: filled stage by stage by
-- int_composite_parts.sql and int_stage_scores.sql, so that a score reads the finished scores of
-- earlier stages (an indicator of a tally, a rollup of a rollup).
CREATE TABLE int_scores (period_id VARCHAR, score_id VARCHAR, entity_kind VARCHAR, entity_id VARCHAR, score DECIMAL(18, 6), raw_score DECIMAL(18, 6));
CREATE TABLE int_composite_parts (period_id VARCHAR, score_id VARCHAR, entity_kind VARCHAR, entity_id VARCHAR, rule_id VARCHAR, amount DOUBLE, source_ids VARCHAR[]);
