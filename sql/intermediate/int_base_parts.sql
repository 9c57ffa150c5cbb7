-- The parts of the scores read straight from records (stage 0), per span period: each is computed
-- once here, and int_base_scores is their sum; the audit trail (fct_score_parts) lists them.
-- Amounts only: the IDs of the records behind each part are int_base_part_records, which only the
-- audit trail's export reads. Made here as lists, they were the score stage's slowest step (they
-- held every posting of two million events several times over) and, at 50 million events, more
-- than DuckDB's memory; a sum is a plain aggregate, which DuckDB can spill to disk.
-- Ledger: 'base' (no records), then one row per event type (the subject's own events and the
-- cascades that reached it) and 'survey', the sum of the postings dated inside the period. Check
-- average: 'check_<aggregate>', the mean, last or min of the checks int_counted_checks counts.
-- Event tally: one row per event type, the sum of the events' contributions. Metric:
-- 'metric:<id>', the period's sum, mean, last, min or max of the metric.
WITH span_periods AS (
  SELECT * FROM int_live_periods WHERE NOT combined
),
ledger_base AS (
  SELECT p.period_id, sb.score_id, sb.entity_kind, sb.entity_id, 'base' AS rule_id, sb.base::DOUBLE AS amount
  FROM span_periods p
  CROSS JOIN int_score_subjects sb
  WHERE sb.model = 'ledger'
),
-- Each posting lands in every period whose dates hold it (a month, its quarter, its phase …).
-- The sums are exact (DECIMAL).
ledger_postings AS (
  SELECT p.period_id, po.score_id, po.entity_kind, po.entity_id, po.rule_id, sum(po.points)::DOUBLE AS amount
  FROM int_postings po
  JOIN span_periods p ON po.posted_on BETWEEN p.start_date AND p.end_date
  GROUP BY ALL
),
checks AS (
  SELECT p.period_id, c.score_id, c.entity_kind, c.entity_id, 'check_' || any_value(c.aggregate) AS rule_id,
         round(CASE any_value(c.aggregate)
                 WHEN 'mean' THEN avg(c.score)
                 WHEN 'min' THEN min(c.score)
                 ELSE arg_max(c.score, c.check_date || c.check_id)
               END, 6)::DECIMAL(18, 6)::DOUBLE AS amount
  FROM span_periods p
  JOIN int_counted_checks c ON c.check_date BETWEEN p.start_date AND p.end_date
  GROUP BY p.period_id, c.score_id, c.entity_kind, c.entity_id
),
tallies AS (
  SELECT p.period_id, te.score_id, te.entity_kind, te.entity_id, te.type AS rule_id, sum(te.contribution) AS amount
  FROM int_tally_events te
  JOIN span_periods p ON te.event_date BETWEEN p.start_date AND p.end_date
  GROUP BY p.period_id, te.score_id, te.entity_kind, te.entity_id, te.type
),
-- A subject with no value of the metric in a period has no score there.
metric AS (
  SELECT v.period_id, sb.score_id, sb.entity_kind, sb.entity_id, 'metric:' || ms.metric_id AS rule_id, v.value AS amount
  FROM cfg_metric_scores ms
  JOIN int_score_subjects sb ON sb.score_id = ms.score_id
  JOIN int_metric_values v
    ON v.metric_id = ms.metric_id AND v.aggregate = ms.aggregate
   AND v.entity_kind = sb.entity_kind AND v.entity_id = sb.entity_id
)
SELECT * FROM ledger_base
UNION ALL SELECT * FROM ledger_postings
UNION ALL SELECT * FROM checks
UNION ALL SELECT * FROM tallies
UNION ALL SELECT * FROM metric;
