-- The parts of the scores read straight from records (stage 0), per span period: each is computed
-- once here, and int_base_scores is their sum; the audit trail (fct_score_parts) lists them.
-- Ledger: 'base' (no records), then one row per event type (the subject's own events and the
-- cascades that reached it) and 'survey', with the postings dated inside the period. Check
-- average: 'check_<aggregate>', the mean, last or min of the checks int_counted_checks counts,
-- with the checks it was taken over ('last': the last check alone, the one the score is). Event
-- tally: one row per event type, the sum of the events' contributions. Metric: 'metric:<id>', the
-- period's sum, mean, last, min or max of the metric, with the metric records.
WITH span_periods AS (
  SELECT * FROM int_live_periods WHERE NOT combined
),
ledger_base AS (
  SELECT p.period_id, sb.score_id, sb.entity_kind, sb.entity_id, 'base' AS rule_id, sb.base::DOUBLE AS amount, []::VARCHAR[] AS source_ids
  FROM span_periods p
  CROSS JOIN int_score_subjects sb
  WHERE sb.model = 'ledger'
),
-- Each posting lands in every period whose dates hold it (a month, its quarter, its phase …).
-- A subject's postings of one rule are gathered once (a few dozen in a year) and each period
-- keeps those dated inside it: grouping every posting × period row instead made a group per
-- period, subject and rule out of millions of rows, the score stage's slowest step at 2,000,000
-- events. The sums are exact (DECIMAL) and the IDs sorted, so the parts are the same either way.
ledger_rules AS (
  SELECT score_id, entity_kind, entity_id, rule_id,
         list({'posted_on': posted_on, 'source_id': source_id, 'points': points}) AS postings,
         min(posted_on) AS first_on, max(posted_on) AS last_on
  FROM int_postings
  GROUP BY ALL
),
-- Materialised: DuckDB would otherwise inline the filtered list into each of its readers below
-- (the filter on its length, the amount, the IDs) and filter it once for each.
ledger_held AS MATERIALIZED (
  SELECT p.period_id, r.score_id, r.entity_kind, r.entity_id, r.rule_id,
         list_filter(r.postings, lambda po: po.posted_on BETWEEN p.start_date AND p.end_date) AS held
  FROM ledger_rules r
  JOIN span_periods p ON r.first_on <= p.end_date AND r.last_on >= p.start_date
),
ledger_postings AS (
  SELECT period_id, score_id, entity_kind, entity_id, rule_id,
         list_sum(list_transform(held, lambda po: po.points))::DOUBLE AS amount,
         list_sort(list_distinct(list_transform(held, lambda po: po.source_id))) AS source_ids
  FROM ledger_held
  WHERE len(held) > 0
),
checks AS (
  SELECT p.period_id, c.score_id, c.entity_kind, c.entity_id, 'check_' || any_value(c.aggregate) AS rule_id,
         round(CASE any_value(c.aggregate)
                 WHEN 'mean' THEN avg(c.score)
                 WHEN 'min' THEN min(c.score)
                 ELSE arg_max(c.score, c.check_date || c.check_id)
               END, 6)::DECIMAL(18, 6)::DOUBLE AS amount,
         CASE any_value(c.aggregate) WHEN 'last' THEN [arg_max(c.check_id, c.check_date || c.check_id)]
              ELSE list_sort(list(c.check_id)) END AS source_ids
  FROM span_periods p
  JOIN int_counted_checks c ON c.check_date BETWEEN p.start_date AND p.end_date
  GROUP BY p.period_id, c.score_id, c.entity_kind, c.entity_id
),
tallies AS (
  SELECT p.period_id, te.score_id, te.entity_kind, te.entity_id, te.type AS rule_id,
         sum(te.contribution) AS amount, list_sort(list(te.event_id)) AS source_ids
  FROM int_tally_events te
  JOIN span_periods p ON te.event_date BETWEEN p.start_date AND p.end_date
  GROUP BY p.period_id, te.score_id, te.entity_kind, te.entity_id, te.type
),
-- A subject with no value of the metric in a period has no score there.
metric AS (
  SELECT v.period_id, sb.score_id, sb.entity_kind, sb.entity_id, 'metric:' || ms.metric_id AS rule_id, v.value AS amount, v.source_ids
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
