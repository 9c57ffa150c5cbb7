-- podium: operation, repeat per score stage
-- Run once per score stage (src/config/score-graph.ts), so that a score reads the finished scores
-- of earlier stages: first the parts of this stage's indicators and rubrics, then its scores.

-- Each indicator's (or rubric item's) points per subject and span period, for the scores of stage
-- $stage: the audit trail of the indicators and rubric scores (S9, S10). A term is value / divisor,
-- where the divisor is the scale, or the all-units value: the sum or mean over every subject of
-- the same level, or a metric recorded for (or a score of) the subject's top unit; the part lists
-- the records behind the all-units value too. Points beyond the indicator's floor or cap are
-- taken back by a row of their own ('<indicator>:floor', '<indicator>:cap'), so the rows add up
-- to the total. Only subjects whose total is complete get parts.
INSERT INTO int_composite_parts
WITH rows_ AS (
  SELECT p.period_id, i.*, sb.entity_kind, sb.entity_id, sb.subject, sb.home_unit_id,
         EXISTS (SELECT 1 FROM cfg_exemptions x JOIN int_unit_ancestors a ON a.ancestor_id = x.unit_id
                 WHERE x.score_id = i.score_id AND x.indicator_id = i.indicator_id AND a.unit_id = sb.home_unit_id) AS exempt
  FROM cfg_indicators i
  JOIN cfg_scores s ON s.score_id = i.score_id AND s.stage = $stage
  JOIN int_score_subjects sb ON sb.score_id = i.score_id
  CROSS JOIN int_live_periods p
  WHERE NOT p.combined
),
terms AS (
  SELECT r.*, t.term, t.source_key, t.peer_kind, t.peer_key, t.share, v.value, coalesce(v.source_ids, []) AS source_ids
  FROM rows_ r
  JOIN cfg_indicator_terms t ON t.score_id = r.score_id AND t.indicator_id = r.indicator_id
  LEFT JOIN int_source_values v
    ON v.source_key = t.source_key AND v.period_id = r.period_id
   AND v.entity_kind = r.entity_kind AND v.entity_id = r.entity_id
),
peers_over_all AS (
  SELECT score_id, indicator_id, term, period_id, subject, sum(value) AS peer_sum, avg(value) AS peer_mean,
         flatten(list(source_ids)) AS peer_source_ids
  FROM terms WHERE peer_kind IN ('sum', 'mean') AND value IS NOT NULL
  GROUP BY ALL
),
top_units AS (
  SELECT a.unit_id, a.ancestor_id AS top_id FROM int_unit_ancestors a JOIN stg_units u ON u.unit_id = a.ancestor_id WHERE u.depth = 0
),
divided AS (
  SELECT t.*,
         CASE t.peer_kind WHEN 'sum' THEN pa.peer_sum WHEN 'mean' THEN pa.peer_mean WHEN 'top' THEN tv.value ELSE t.scale END AS divisor,
         coalesce(pa.peer_source_ids, tv.source_ids, []) AS divisor_source_ids
  FROM terms t
  LEFT JOIN peers_over_all pa
    ON pa.score_id = t.score_id AND pa.indicator_id = t.indicator_id AND pa.term = t.term
   AND pa.period_id = t.period_id AND pa.subject = t.subject
  LEFT JOIN top_units tu ON tu.unit_id = t.home_unit_id
  LEFT JOIN int_source_values tv
    ON t.peer_kind = 'top' AND tv.source_key = t.peer_key AND tv.period_id = t.period_id
   AND tv.entity_kind = 'unit' AND tv.entity_id = tu.top_id
),
indicator_points AS (
  SELECT period_id, score_id, indicator_id, any_value(kind) AS kind, any_value(weight) AS weight,
         any_value(floor_points) AS floor_points, any_value(cap_points) AS cap_points, any_value(exempt) AS exempt, entity_kind, entity_id,
         list_sort(list_distinct(flatten(list(source_ids || divisor_source_ids)))) AS source_ids,
         CASE any_value(kind)
           -- No record of the counted thing in the period is no deduction.
           WHEN 'deduction' THEN -any_value(points) * coalesce(sum(value), 0)
           ELSE CASE
             WHEN bool_or(value IS NULL) OR bool_or(divisor IS NULL) THEN NULL
             WHEN bool_and(divisor > 0) THEN sum(value / divisor * share) * any_value(weight) * any_value(factor)
             WHEN any_value(on_nonpositive) = 'zero' THEN 0
             WHEN any_value(on_nonpositive) = 'full' THEN any_value(weight)
           END
         END AS raw_points
  FROM divided
  GROUP BY period_id, score_id, indicator_id, entity_kind, entity_id
),
capped AS (
  SELECT *, bounded(raw_points, floor_points, cap_points) AS points
  FROM indicator_points
),
totals AS (
  SELECT c.period_id, c.score_id, c.entity_kind, c.entity_id, any_value(x.exemption_rule) AS exemption_rule,
         bool_or(NOT c.exempt AND c.points IS NULL) AS incomplete,
         sum(c.weight) FILTER (WHERE c.kind <> 'deduction') AS total_weight,
         sum(c.weight) FILTER (WHERE c.kind <> 'deduction' AND NOT c.exempt) AS scored_weight,
         sum(c.points) FILTER (WHERE c.kind <> 'deduction' AND NOT c.exempt) AS weighted_points
  FROM capped c JOIN cfg_composites x ON x.score_id = c.score_id
  GROUP BY ALL
)
SELECT c.period_id, c.score_id, c.entity_kind, c.entity_id, c.indicator_id AS rule_id,
       (CASE WHEN c.exempt THEN c.weight ELSE c.raw_points END)::DOUBLE AS amount, c.source_ids
FROM capped c
JOIN totals t USING (period_id, score_id, entity_kind, entity_id)
WHERE NOT t.incomplete AND (NOT c.exempt OR t.exemption_rule = 'full')
UNION ALL
SELECT c.period_id, c.score_id, c.entity_kind, c.entity_id, c.indicator_id || CASE WHEN c.points > c.raw_points THEN ':floor' ELSE ':cap' END,
       (c.points - c.raw_points)::DOUBLE, []::VARCHAR[]
FROM capped c
JOIN totals t USING (period_id, score_id, entity_kind, entity_id)
WHERE NOT t.incomplete AND NOT c.exempt AND c.points <> c.raw_points
UNION ALL
-- Rescaling for an exemption: the other weighted indicators count as if they were the whole weight.
SELECT period_id, score_id, entity_kind, entity_id, 'exemption_rescale',
       (weighted_points * (total_weight / scored_weight - 1))::DOUBLE, []::VARCHAR[]
FROM totals
WHERE NOT incomplete AND exemption_rule = 'rescale' AND scored_weight < total_weight AND scored_weight > 0;

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
