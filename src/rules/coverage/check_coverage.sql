-- Coverage in one period [$from, $to] that is closed (int_as_of.closed_through): every unit of $level,
-- the unit of $within above it (its group), and the checks and inspections in the period of it
-- or of any unit below it (a sub-branch is covered when one of its outlets was checked).
-- The rule decides which of those records cover it. The lists are unordered; the check sorts.
WITH period AS (
  SELECT $from::DATE AS start_date, $to::DATE AS end_date FROM int_as_of WHERE $to::DATE <= int_as_of.closed_through
),
records AS (
  SELECT c.unit_id, 'checks' AS record_table, c.check_id AS id, c.check_date AS record_date, c.kind
  FROM stg_checks c, period p WHERE c.check_date BETWEEN p.start_date AND p.end_date
  UNION ALL
  SELECT i.unit_id, 'inspections', i.inspection_id, i.inspection_date, i.method
  FROM stg_inspections i, period p WHERE i.inspection_date BETWEEN p.start_date AND p.end_date
)
SELECT a.ancestor_id AS group_id, u.unit_id, u.name,
       coalesce(list({'table': r.record_table, 'id': r.id, 'date': strftime(r.record_date, '%Y-%m-%d'), 'kind': r.kind}
                     ) FILTER (WHERE r.id IS NOT NULL), []) AS records
FROM stg_units u
CROSS JOIN period
JOIN int_unit_ancestors a ON a.unit_id = u.unit_id AND a.ancestor_level = $within
LEFT JOIN (records r JOIN int_unit_ancestors below ON below.unit_id = r.unit_id) ON below.ancestor_id = u.unit_id
WHERE u.level = $level
GROUP BY a.ancestor_id, u.unit_id, u.name
ORDER BY a.ancestor_id, u.unit_id;
