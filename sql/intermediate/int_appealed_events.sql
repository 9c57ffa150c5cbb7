-- Every event with its appeal applied (S5 申诉). The event itself is never deleted: an upheld
-- appeal withdraws it (it moves no score and no money), an adjusted one replaces its points
-- and/or amount, a rejected or pending one leaves it standing. Validation allows one decided
-- appeal per event; the appeal shown is that one, else the newest pending one.
WITH shown_appeals AS (
  SELECT *, row_number() OVER (PARTITION BY event_id ORDER BY decision = 'pending', appeal_date DESC, appeal_id DESC) AS pick
  FROM stg_appeals
)
SELECT e.event_id, e.event_date, e.type, e.status, e.problem, e.priority,
       CASE WHEN e.staff_id IS NULL THEN 'unit' ELSE 'staff' END AS subject_kind,
       coalesce(e.staff_id, e.unit_id) AS subject_id,
       coalesce(s.unit_id, e.unit_id) AS home_unit_id,
       coalesce(a.points, t.fixed_points, e.points) AS magnitude,
       coalesce(a.amount, e.amount) AS amount,
       coalesce(a.decision = 'upheld', false) AS withdrawn,
       a.appeal_id, a.decision AS appeal_decision,
       strftime(a.decided_on, '%Y-%m-%d') AS appeal_decided_on
FROM stg_events e
JOIN cfg_event_types t ON t.type_id = e.type
LEFT JOIN stg_staff s ON s.staff_id = e.staff_id
LEFT JOIN shown_appeals a ON a.event_id = e.event_id AND a.pick = 1;
