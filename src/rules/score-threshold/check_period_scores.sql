-- Score $score_id of every unit of $level in period $period_id once it is closed (int_as_of.closed_through), with the
-- records behind it: the checks it counts, the events and surveys posted to it, and the metric
-- rows a metric or ratio score reads, in the period's dates (a combined period shows every record
-- of its span).
WITH period AS (
  SELECT p.* FROM cfg_periods p, int_as_of WHERE p.period_id = $period_id AND p.end_date <= int_as_of.closed_through
),
scores AS (
  SELECT s.entity_id AS unit_id, s.score, p.start_date, p.end_date
  FROM period p
  JOIN fct_period_scores s ON s.period_id = p.period_id AND s.score_id = $score_id AND s.entity_kind = 'unit'
  JOIN stg_units u ON u.unit_id = s.entity_id AND u.level = $level
),
parts AS (
  SELECT s.unit_id, 'checks' AS part_table, c.check_id AS id, c.check_date AS part_date, c.kind AS rule_id,
         c.score::DOUBLE AS amount, c.checker, c.signed_by
  FROM scores s
  JOIN int_counted_checks c ON c.score_id = $score_id AND c.entity_kind = 'unit' AND c.entity_id = s.unit_id
   AND c.check_date BETWEEN s.start_date AND s.end_date
  UNION ALL
  SELECT s.unit_id, po.source_table, po.source_id, po.posted_on, po.rule_id, po.points::DOUBLE, NULL, NULL
  FROM scores s
  JOIN int_postings po ON po.score_id = $score_id AND po.entity_kind = 'unit' AND po.entity_id = s.unit_id
   AND po.posted_on BETWEEN s.start_date AND s.end_date
  UNION ALL
  SELECT s.unit_id, 'metrics', m.metric_id, m.metric_date, m.metric, m.value::DOUBLE, NULL, NULL
  FROM scores s
  CROSS JOIN (SELECT metric_id FROM cfg_metric_scores WHERE score_id = $score_id
              UNION SELECT split_part(term.source_key, ':', 2)
              FROM cfg_ratio_scores r, LATERAL (VALUES (r.numerator_key), (r.denominator_key)) term(source_key)
              WHERE r.score_id = $score_id AND term.source_key LIKE 'metric:%') read_metrics
  JOIN stg_metrics m ON m.metric = read_metrics.metric_id AND m.entity_kind = 'unit' AND m.entity_id = s.unit_id
   AND m.metric_date BETWEEN s.start_date AND s.end_date
)
SELECT s.unit_id, $period_id AS period_id, strftime(s.start_date, '%Y-%m-%d') AS period_start,
       strftime(s.end_date, '%Y-%m-%d') AS period_end, s.score::DOUBLE AS score,
       coalesce(list({'table': p.part_table, 'id': p.id, 'date': strftime(p.part_date, '%Y-%m-%d'), 'rule': p.rule_id,
                      'amount': p.amount, 'checker': p.checker, 'signed_by': p.signed_by}) FILTER (WHERE p.id IS NOT NULL), []) AS parts
FROM scores s
LEFT JOIN parts p ON p.unit_id = s.unit_id
GROUP BY s.unit_id, s.start_date, s.end_date, s.score
ORDER BY s.unit_id;
