-- Every score of every span period, kept between its floor and cap (score) beside the value its
-- model gave (raw_score): filled stage by stage by int_stage_scores.sql, so that a score reads the
-- finished scores of earlier stages (an indicator of a tally, a rollup of a rollup).
SELECT NULL::VARCHAR AS period_id, NULL::VARCHAR AS score_id, NULL::VARCHAR AS entity_kind, NULL::VARCHAR AS entity_id,
       NULL::DECIMAL(18, 6) AS score, NULL::DECIMAL(18, 6) AS raw_score
WHERE false;
