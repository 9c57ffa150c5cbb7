-- The rules of the events table that span rows or read the config; each cell on its own, and the
-- uniqueness of the table's IDs, are checked by the SQL generated from src/config/tables.ts.
INSERT INTO validation_errors
WITH e AS (SELECT *, as_number(points) AS p FROM raw_events)
SELECT 'events', file_id, record_no, 'type', 'an event type from event_types: ' || coalesce((SELECT string_agg(type_id, ', ' ORDER BY type_id) FROM cfg_event_types), 'none declared'), quoted(type)
FROM e WHERE type IS NULL OR type NOT IN (SELECT type_id FROM cfg_event_types)
UNION ALL
SELECT 'events', e.file_id, e.record_no, 'points',
       'points from ' || number_text(t.min_points) || ' to ' || number_text(t.max_points) || ' for type "' || t.type_id || '"', quoted(e.points)
FROM e JOIN cfg_event_types t ON e.type = t.type_id
WHERE t.min_points IS NOT NULL AND NOT bad_number(e.points) AND (e.p IS NULL OR e.p < t.min_points OR e.p > t.max_points)
UNION ALL
-- Points on a fine-only type would move nothing, unseen.
SELECT 'events', e.file_id, e.record_no, 'points', 'an empty value: type "' || t.type_id || '" has no points (a fine only)', quoted(e.points)
FROM e JOIN cfg_event_types t ON e.type = t.type_id
WHERE t.score_id IS NULL AND e.points IS NOT NULL
UNION ALL
SELECT 'events', e.file_id, e.record_no, 'points',
       'an empty value or ' || number_text(t.fixed_points) || ': type "' || t.type_id || '" has fixed points', quoted(e.points)
FROM e JOIN cfg_event_types t ON e.type = t.type_id
WHERE t.fixed_points IS NOT NULL AND e.p IS DISTINCT FROM t.fixed_points AND e.points IS NOT NULL
UNION ALL
-- An event about an entity its type's score does not apply to would vanish from every ranking.
SELECT 'events', e.file_id, e.record_no, CASE WHEN e.staff_id IS NULL THEN 'unit_id' ELSE 'staff_id' END,
       'an entity that score "' || t.score_id || '" applies to (' || (SELECT string_agg(subject, ', ' ORDER BY subject) FROM cfg_score_subjects s WHERE s.score_id = t.score_id) || ')',
       CASE WHEN e.staff_id IS NULL THEN 'unit ' || quoted(e.unit_id) || ' at level "' || u.level || '"' ELSE 'staff ' || quoted(e.staff_id) END
FROM e JOIN cfg_event_types t ON e.type = t.type_id
LEFT JOIN raw_units u ON u.unit_id = e.unit_id
WHERE t.score_id IS NOT NULL AND (e.staff_id IS NOT NULL OR u.unit_id IS NOT NULL)
  AND coalesce(u.level, 'staff') NOT IN (SELECT subject FROM cfg_score_subjects s WHERE s.score_id = t.score_id)
UNION ALL
-- A priority flag on a type without a priority multiplier would change nothing, unseen.
SELECT 'events', e.file_id, e.record_no, 'priority', 'priority only on a type with a priority multiplier: ' ||
       coalesce((SELECT string_agg(type_id, ', ' ORDER BY type_id) FROM cfg_event_multipliers WHERE priority_multiplier IS NOT NULL), 'none has one'),
       'priority "yes" on type "' || e.type || '"'
FROM e JOIN cfg_event_multipliers m ON m.type_id = e.type
WHERE e.priority = 'yes' AND m.priority_multiplier IS NULL
UNION ALL
SELECT 'events', e.file_id, e.record_no, 'amount',
       'a fine from ' || number_text(f.min_amount) || ' to ' || number_text(f.max_amount) || ' 元 for type "' || f.type_id || '"', quoted(e.amount)
FROM e JOIN cfg_fines f ON f.type_id = e.type
WHERE f.kind = 'range' AND NOT bad_number(e.amount) AND (as_number(e.amount) IS NULL OR as_number(e.amount) < f.min_amount OR as_number(e.amount) > f.max_amount);
