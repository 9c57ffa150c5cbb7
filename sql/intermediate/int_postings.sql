-- The ledger: one row per score change, with the record and rule behind it (S1).
-- A cascaded event adds one row per receiver: the department −5, the head −4 … A repeat or a
-- priority item multiplies the whole event, its cascade steps included. A step never reaches the
-- event's own subject (一人一事: one event moves each score once): a department's own event does
-- not also count as its department's, a head's own lateness not also as their outlet's
-- (cascade_misses notes it). An event of a fine-only type (no score) posts nothing; its money is
-- in int_fines.
SELECT 'events' AS source_table, event_id AS source_id, event_date AS posted_on, score_id,
       subject_kind AS entity_kind, subject_id AS entity_id, 'subject' AS role,
       NULL::VARCHAR AS via_kind, NULL::VARCHAR AS via_id, (sign * magnitude * multiplier)::DECIMAL(18, 6) AS points, type AS rule_id
FROM int_counted_events
WHERE score_id IS NOT NULL
UNION ALL
SELECT 'events', c.event_id, c.event_date, c.score_id, 'unit', a.ancestor_id, 'cascade_unit',
       c.subject_kind, c.subject_id, (c.sign * k.points * c.multiplier)::DECIMAL(18, 6), c.type
FROM int_counted_events c
JOIN cfg_cascades k ON k.type_id = c.type AND k.target = 'unit'
JOIN int_unit_ancestors a ON a.unit_id = c.home_unit_id AND a.ancestor_level = k.level_id
WHERE NOT (c.subject_kind = 'unit' AND a.ancestor_id = c.subject_id)
UNION ALL
SELECT 'events', c.event_id, c.event_date, c.score_id, 'staff', u.head_staff_id, 'cascade_head',
       c.subject_kind, c.subject_id, (c.sign * k.points * c.multiplier)::DECIMAL(18, 6), c.type
FROM int_counted_events c
JOIN cfg_cascades k ON k.type_id = c.type AND k.target = 'head'
JOIN int_unit_ancestors a ON a.unit_id = c.home_unit_id AND a.ancestor_level = k.level_id
JOIN stg_units u ON u.unit_id = a.ancestor_id AND u.head_staff_id IS NOT NULL
WHERE NOT (c.subject_kind = 'staff' AND u.head_staff_id = c.subject_id)
UNION ALL
SELECT 'surveys', s.survey_id, s.survey_date, p.score_id, 'unit', s.unit_id, 'survey',
       NULL, NULL, s.satisfied * p.satisfied + s.neutral * p.neutral + s.unsatisfied * p.unsatisfied, 'survey'
FROM stg_surveys s CROSS JOIN cfg_survey_points p;
