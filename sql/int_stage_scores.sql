-- The scores of stage $stage per span period (see int_scores.sql), each kept between its floor and
-- cap. Stage 0: the scores read from records (int_base_scores). Later stages read earlier ones:
-- ratios (numerator / denominator, either a metric's sum or a score, with the configured rule
-- when the denominator is zero or negative; a subject without a denominator has no ratio),
-- indicators and rubrics (the sum of their parts, int_composite_parts), and rollups: a unit's
-- score from another score of the units at a lower level (or the staff) beneath it, by sum,
-- mean, weighted mean (weights from a metric of each part) or min (the barrel rule). A unit none
-- of whose parts has a score is not scored; a weighted mean needs every part's weight and a
-- positive total weight.
INSERT INTO int_scores
WITH stage_scores AS (
  SELECT * FROM cfg_scores WHERE stage = $stage
),
ratio AS (
  SELECT d.period_id, r.score_id, sb.entity_kind, sb.entity_id,
         r.scale * CASE WHEN d.value > 0 THEN coalesce(n.value, 0) / d.value
                        WHEN r.on_nonpositive = 'zero' THEN 0
                        WHEN r.on_nonpositive = 'full' THEN 1
                   END AS score
  FROM cfg_ratio_scores r
  JOIN stage_scores USING (score_id)
  JOIN int_score_subjects sb ON sb.score_id = r.score_id
  JOIN int_source_values d
    ON d.source_key = r.denominator_key AND d.entity_kind = sb.entity_kind AND d.entity_id = sb.entity_id
  LEFT JOIN int_source_values n
    ON n.source_key = r.numerator_key AND n.period_id = d.period_id
   AND n.entity_kind = sb.entity_kind AND n.entity_id = sb.entity_id
),
composite AS (
  SELECT period_id, score_id, entity_kind, entity_id, sum(amount) AS score
  FROM int_composite_parts JOIN stage_scores USING (score_id)
  GROUP BY ALL
),
rollup_parts AS (
  SELECT i.period_id, r.score_id, r.aggregate, sb.entity_kind, sb.entity_id, i.score::DOUBLE AS score, w.value AS weight
  FROM cfg_rollups r
  JOIN stage_scores USING (score_id)
  JOIN int_score_subjects sb ON sb.score_id = r.score_id AND sb.entity_kind = 'unit'
  JOIN int_unit_ancestors a ON a.ancestor_id = sb.entity_id
  JOIN int_score_subjects part ON part.score_id = r.of_score_id AND part.subject = r.from_subject AND part.home_unit_id = a.unit_id
  JOIN int_scores i ON i.score_id = r.of_score_id AND i.entity_kind = part.entity_kind AND i.entity_id = part.entity_id
  LEFT JOIN int_source_values w
    ON w.source_key = r.weight_key AND w.period_id = i.period_id
   AND w.entity_kind = part.entity_kind AND w.entity_id = part.entity_id
),
rollup AS (
  SELECT period_id, score_id, entity_kind, entity_id,
         CASE any_value(aggregate)
           WHEN 'sum' THEN sum(score)
           WHEN 'mean' THEN avg(score)
           WHEN 'min' THEN min(score)
           WHEN 'weighted_mean' THEN CASE WHEN count(weight) = count(*) AND sum(weight) > 0 THEN sum(weight * score) / sum(weight) END
         END AS score
  FROM rollup_parts
  GROUP BY period_id, score_id, entity_kind, entity_id
),
raw AS (
  SELECT period_id, score_id, entity_kind, entity_id, score FROM int_base_scores JOIN stage_scores USING (score_id)
  UNION ALL
  SELECT period_id, score_id, entity_kind, entity_id, round(score, 6)::DECIMAL(18, 6) FROM ratio WHERE score IS NOT NULL
  UNION ALL
  SELECT period_id, score_id, entity_kind, entity_id, round(score, 6)::DECIMAL(18, 6) FROM composite
  UNION ALL
  SELECT period_id, score_id, entity_kind, entity_id, round(score, 6)::DECIMAL(18, 6) FROM rollup WHERE score IS NOT NULL
)
SELECT r.period_id, r.score_id, r.entity_kind, r.entity_id, bounded(r.score, s.floor, s.cap), r.score
FROM raw r JOIN stage_scores s USING (score_id);

-- What the next stages read: this stage's scores under 'score:<id>'.
INSERT INTO int_source_values
SELECT 'score:' || s.score_id, s.period_id, s.entity_kind, s.entity_id, s.score::DOUBLE, ['score:' || s.score_id]
FROM int_scores s
JOIN cfg_scores c ON c.score_id = s.score_id AND c.stage = $stage;
