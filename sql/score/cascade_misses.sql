-- Cascade steps that found no receiver (no unit at that level above the subject, or a unit
-- without a head). Reported as build notes so that nothing disappears unseen.
SELECT c.event_id, k.target, k.level_id, c.subject_id
FROM int_counted_events c
JOIN cfg_cascades k ON k.type_id = c.type
LEFT JOIN int_unit_ancestors a ON a.unit_id = c.home_unit_id AND a.ancestor_level = k.level_id
LEFT JOIN stg_units u ON u.unit_id = a.ancestor_id
WHERE a.ancestor_id IS NULL OR (k.target = 'head' AND u.head_staff_id IS NULL)
ORDER BY c.event_id, k.step;
