-- Cascade steps that found no receiver (no unit at that level above the subject, or a unit
-- without a head), or whose receiver is the event's own subject (int_postings skips it).
-- Reported as build notes so that nothing disappears unseen.
SELECT c.event_id, k.target, k.level_id, c.subject_id,
       CASE k.target WHEN 'head' THEN u.head_staff_id ELSE a.ancestor_id END IS NOT NULL AS reaches_subject
FROM int_counted_events c
JOIN cfg_cascades k ON k.type_id = c.type
LEFT JOIN int_unit_ancestors a ON a.unit_id = c.home_unit_id AND a.ancestor_level = k.level_id
LEFT JOIN stg_units u ON u.unit_id = a.ancestor_id
WHERE a.ancestor_id IS NULL
   OR (k.target = 'head' AND u.head_staff_id IS NULL)
   OR (k.target = 'unit' AND c.subject_kind = 'unit' AND a.ancestor_id = c.subject_id)
   OR (k.target = 'head' AND c.subject_kind = 'staff' AND u.head_staff_id = c.subject_id)
ORDER BY c.event_id, k.step;
