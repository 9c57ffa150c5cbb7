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
