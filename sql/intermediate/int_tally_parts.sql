-- event_tally scores by event type, per span period: the sum of the events' contributions and
-- their sorted IDs (the audit trail's tally rows).
WITH span_periods AS (
  SELECT p.* FROM cfg_periods p, int_as_of WHERE p.start_date <= int_as_of.as_of AND NOT p.combined
)
SELECT p.period_id, te.score_id, te.entity_kind, te.entity_id, te.type AS rule_id,
       sum(te.contribution) AS amount, list_sort(list(te.event_id)) AS source_ids
FROM int_tally_events te
JOIN span_periods p ON te.event_date BETWEEN p.start_date AND p.end_date
GROUP BY p.period_id, te.score_id, te.entity_kind, te.entity_id, te.type;
