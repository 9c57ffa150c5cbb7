-- Rechecks (S4 复查) in period $period_id once it is closed (int_as_of.closed_through): every unit of $level with a
-- $score_id score in the previous period of the same kind, the checks behind that score, and
-- the checks it had in this period. The rule decides which scores call for a recheck.
WITH periods AS (
  SELECT period_id, start_date, end_date,
         lag(period_id) OVER (PARTITION BY kind ORDER BY ord) AS previous_id
  FROM cfg_periods
),
this_period AS (
  SELECT pp.* FROM periods pp, int_as_of WHERE pp.period_id = $period_id AND pp.end_date <= int_as_of.closed_through
),
previous AS (
  SELECT s.entity_id AS unit_id, prev.period_id, prev.start_date, prev.end_date, s.score
  FROM this_period t
  JOIN periods prev ON prev.period_id = t.previous_id
  JOIN fct_period_scores s ON s.period_id = prev.period_id AND s.score_id = $score_id AND s.entity_kind = 'unit'
  JOIN stg_units u ON u.unit_id = s.entity_id AND u.level = $level
),
previous_checks AS (
  SELECT pr.unit_id,
         list({'id': c.check_id, 'date': strftime(c.check_date, '%Y-%m-%d'), 'kind': c.kind, 'score': c.score::DOUBLE,
               'checker': c.checker, 'signed_by': c.signed_by, 'staff_name': NULL::VARCHAR}) AS checks
  FROM previous pr
  JOIN int_counted_checks c ON c.score_id = $score_id AND c.entity_kind = 'unit' AND c.entity_id = pr.unit_id
   AND c.check_date BETWEEN pr.start_date AND pr.end_date
  GROUP BY pr.unit_id
),
current_checks AS (
  SELECT pr.unit_id,
         list({'id': c.check_id, 'date': strftime(c.check_date, '%Y-%m-%d'), 'kind': c.kind, 'score': c.score::DOUBLE,
               'checker': c.checker, 'signed_by': c.signed_by, 'staff_name': NULL::VARCHAR}) AS checks
  FROM previous pr, this_period t
  JOIN stg_checks c ON c.check_date BETWEEN t.start_date AND t.end_date
  WHERE c.unit_id = pr.unit_id
  GROUP BY pr.unit_id
)
SELECT pr.unit_id, t.period_id, strftime(t.start_date, '%Y-%m-%d') AS period_start, strftime(t.end_date, '%Y-%m-%d') AS period_end,
       pr.period_id AS previous_period_id, pr.score::DOUBLE AS previous_score,
       coalesce(pc.checks, []) AS previous_checks, coalesce(cc.checks, []) AS current_checks
FROM previous pr
CROSS JOIN this_period t
LEFT JOIN previous_checks pc ON pc.unit_id = pr.unit_id
LEFT JOIN current_checks cc ON cc.unit_id = pr.unit_id
ORDER BY pr.unit_id;
