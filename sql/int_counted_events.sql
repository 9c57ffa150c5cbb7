-- Events that move a score: verified ones, and any event of a type that needs no verification.
CREATE TABLE int_counted_events AS
SELECT e.event_id, e.event_date, e.type, t.score_id, t.sign,
       coalesce(t.fixed_points, e.points) AS magnitude,
       CASE WHEN e.staff_id IS NULL THEN 'unit' ELSE 'staff' END AS subject_kind,
       coalesce(e.staff_id, e.unit_id) AS subject_id,
       coalesce(s.unit_id, e.unit_id) AS home_unit_id
FROM stg_events e
JOIN cfg_event_types t ON t.type_id = e.type
LEFT JOIN stg_staff s ON s.staff_id = e.staff_id
WHERE e.status = 'verified' OR NOT t.verified_only;
