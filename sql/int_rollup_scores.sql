-- A unit's score from another score of the units at a lower level (or the staff) beneath it:
-- sum, mean, weighted mean (weights from a metric of each part) or min (the barrel rule).
-- Reads base and composite scores. A unit none of whose parts has a score is not scored; a
-- weighted mean needs every part's weight and a positive total weight.
CREATE TABLE int_rollup_scores AS
WITH inputs AS (
  SELECT * FROM int_base_scores
  UNION ALL
  SELECT * FROM int_composite_scores
),
parts AS (
  SELECT i.period_id, r.score_id, r.aggregate, sb.entity_kind, sb.entity_id, i.score::DOUBLE AS score, w.value AS weight
  FROM cfg_rollups r
  JOIN int_score_subjects sb ON sb.score_id = r.score_id AND sb.entity_kind = 'unit'
  JOIN int_unit_ancestors a ON a.ancestor_id = sb.entity_id
  JOIN int_score_subjects part ON part.score_id = r.of_score_id AND part.subject = r.from_subject AND part.home_unit_id = a.unit_id
  JOIN inputs i ON i.score_id = r.of_score_id AND i.entity_kind = part.entity_kind AND i.entity_id = part.entity_id
  LEFT JOIN int_source_values w
    ON w.source_key = r.weight_key AND w.period_id = i.period_id
   AND w.entity_kind = part.entity_kind AND w.entity_id = part.entity_id
),
rolled AS (
  SELECT period_id, score_id, entity_kind, entity_id,
         CASE any_value(aggregate)
           WHEN 'sum' THEN sum(score)
           WHEN 'mean' THEN avg(score)
           WHEN 'min' THEN min(score)
           WHEN 'weighted_mean' THEN CASE WHEN count(weight) = count(*) AND sum(weight) > 0 THEN sum(weight * score) / sum(weight) END
         END AS score
  FROM parts
  GROUP BY period_id, score_id, entity_kind, entity_id
)
SELECT period_id, score_id, entity_kind, entity_id, round(score, 6)::DECIMAL(18, 6) AS score FROM rolled WHERE score IS NOT NULL;
