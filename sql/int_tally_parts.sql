-- event_tally scores, by event type: per span period, how many events of the listed types each
-- subject had, or the sum of their points (as set on the event or by an appeal, before
-- multipliers) or amounts. Only the listed statuses count; an upheld appeal withdraws an event;
-- the amount threshold (single losses >= 2000元) leaves out events below it or without an amount.
CREATE TABLE int_tally_parts AS
WITH span_periods AS (
  SELECT p.* FROM cfg_periods p, int_as_of WHERE p.start_date <= int_as_of.as_of AND NOT p.combined
),
tallied_events AS (
  SELECT t.score_id, t.measure, e.*
  FROM cfg_tallies t
  JOIN cfg_tally_types tt ON tt.score_id = t.score_id
  JOIN int_appealed_events e ON e.type = tt.type_id
  JOIN cfg_tally_statuses ts ON ts.score_id = t.score_id AND ts.status = e.status
  WHERE NOT e.withdrawn
    AND (t.amount_op IS NULL
         OR CASE t.amount_op WHEN '>=' THEN e.amount >= t.amount_value WHEN '>' THEN e.amount > t.amount_value
                             WHEN '<' THEN e.amount < t.amount_value WHEN '<=' THEN e.amount <= t.amount_value END)
)
SELECT p.period_id, te.score_id, te.subject_kind AS entity_kind, te.subject_id AS entity_id, te.type AS rule_id,
       sum(CASE te.measure WHEN 'count' THEN 1 WHEN 'points' THEN te.magnitude ELSE te.amount END)::DOUBLE AS amount,
       list_sort(list(te.event_id)) AS source_ids
FROM tallied_events te
JOIN span_periods p ON te.event_date BETWEEN p.start_date AND p.end_date
-- Only the score's own subjects hold it: a unit at another level, or staff when only units are listed, is not tallied.
JOIN cfg_score_subjects ss ON ss.score_id = te.score_id
JOIN int_entities en ON en.entity_kind = te.subject_kind AND en.entity_id = te.subject_id AND en.subject = ss.subject
GROUP BY p.period_id, te.score_id, te.subject_kind, te.subject_id, te.type;
