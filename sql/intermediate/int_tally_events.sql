-- What each event contributes to the event_tally scores of the entity it names: 1 (count), its
-- points (as set on the event or by an appeal, before multipliers) or its amount. Only the listed
-- statuses count; an upheld appeal withdraws an event; the amount threshold (single losses
-- >= 2000元) leaves out events below it or without an amount. Only the score's own subjects hold
-- it: a unit at another level, or staff when only units are listed, is not tallied.
SELECT t.score_id, e.subject_kind AS entity_kind, e.subject_id AS entity_id, e.event_id, e.event_date, e.type,
       CASE t.measure WHEN 'count' THEN 1 WHEN 'points' THEN e.magnitude ELSE e.amount END::DOUBLE AS contribution
FROM cfg_tallies t
JOIN cfg_tally_types tt ON tt.score_id = t.score_id
JOIN int_appealed_events e ON e.type = tt.type_id
JOIN cfg_tally_statuses ts ON ts.score_id = t.score_id AND ts.status = e.status
JOIN cfg_score_subjects ss ON ss.score_id = t.score_id
JOIN int_entities en ON en.entity_kind = e.subject_kind AND en.entity_id = e.subject_id AND en.subject = ss.subject
WHERE NOT e.withdrawn
  AND (t.amount_op IS NULL
       OR CASE t.amount_op WHEN '>=' THEN e.amount >= t.amount_value WHEN '>' THEN e.amount > t.amount_value
                           WHEN '<' THEN e.amount < t.amount_value WHEN '<=' THEN e.amount <= t.amount_value END);
