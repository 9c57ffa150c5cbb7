-- podium: view
-- The records behind each part of int_base_parts, as sorted IDs: the postings of a ledger part,
-- the checks a check average was taken over ('last': the last check alone, the one the score is),
-- the events of a tally part, the metric records of a metric part. A ledger's 'base' has none.
-- A view: the audit trail's export reads it once (fct_score_parts), and nothing before it needs
-- the IDs. Its parts are int_base_parts' parts, found by the same joins of the same tables; a
-- part without its records here would show none, which tests/unit/score-parts.test.ts guards.
WITH span_periods AS (
  SELECT * FROM int_live_periods WHERE NOT combined
),
-- A subject's postings of one rule are gathered once (a few dozen in a year) and each period
-- keeps those dated inside it: grouping every posting × period row with its IDs instead made a
-- list per period, subject and rule out of millions of rows (7.6 s against 6.4 s at 2,000,000
-- events). The IDs are sorted, so the lists are the same either way.
ledger_rules AS (
  SELECT score_id, entity_kind, entity_id, rule_id,
         list({'posted_on': posted_on, 'source_id': source_id}) AS postings,
         min(posted_on) AS first_on, max(posted_on) AS last_on
  FROM int_postings
  GROUP BY ALL
),
ledger_postings AS (
  SELECT period_id, score_id, entity_kind, entity_id, rule_id,
         list_sort(list_distinct(list_transform(held, lambda po: po.source_id))) AS source_ids
  FROM (
    SELECT p.period_id, r.score_id, r.entity_kind, r.entity_id, r.rule_id,
           list_filter(r.postings, lambda po: po.posted_on BETWEEN p.start_date AND p.end_date) AS held
    FROM ledger_rules r
    JOIN span_periods p ON r.first_on <= p.end_date AND r.last_on >= p.start_date
  )
  WHERE len(held) > 0
),
checks AS (
  SELECT p.period_id, c.score_id, c.entity_kind, c.entity_id, 'check_' || any_value(c.aggregate) AS rule_id,
         CASE any_value(c.aggregate) WHEN 'last' THEN [arg_max(c.check_id, c.check_date || c.check_id)]
              ELSE list_sort(list(c.check_id)) END AS source_ids
  FROM span_periods p
  JOIN int_counted_checks c ON c.check_date BETWEEN p.start_date AND p.end_date
  GROUP BY p.period_id, c.score_id, c.entity_kind, c.entity_id
),
tallies AS (
  SELECT p.period_id, te.score_id, te.entity_kind, te.entity_id, te.type AS rule_id, list_sort(list(te.event_id)) AS source_ids
  FROM int_tally_events te
  JOIN span_periods p ON te.event_date BETWEEN p.start_date AND p.end_date
  GROUP BY p.period_id, te.score_id, te.entity_kind, te.entity_id, te.type
),
-- A metric's values for every entity (int_source_values); the join to the audit trail keeps the subjects'.
metric AS (
  SELECT v.period_id, ms.score_id, v.entity_kind, v.entity_id, 'metric:' || ms.metric_id AS rule_id, v.source_ids
  FROM cfg_metric_scores ms
  JOIN int_source_values v ON v.source_key = 'metric:' || ms.metric_id || ':' || ms.aggregate
)
SELECT * FROM ledger_postings
UNION ALL SELECT * FROM checks
UNION ALL SELECT * FROM tallies
UNION ALL SELECT * FROM metric;
