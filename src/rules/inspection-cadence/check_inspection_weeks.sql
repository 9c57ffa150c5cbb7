-- Every unit of a level, every whole week (Monday–Sunday) inside [$from, $to] that is closed
-- (int_as_of.closed_through), with the inspections of one method it had. A week with none still has a row.
-- The lists are unordered (ordered aggregates are slow); the check sorts its evidence.
WITH weeks AS (
  SELECT w::DATE AS week_start, (w + INTERVAL 6 DAY)::DATE AS week_end
  FROM generate_series(date_trunc('week', $from::DATE), $to::DATE::TIMESTAMP, INTERVAL 7 DAY) AS g(w)
),
whole_weeks AS (
  SELECT weeks.* FROM weeks, int_as_of
  WHERE week_start >= $from::DATE AND week_end <= $to::DATE AND week_end <= int_as_of.closed_through
)
SELECT u.unit_id,
       strftime(w.week_start, '%Y-%m-%d') AS week_start,
       strftime(w.week_end, '%Y-%m-%d') AS week_end,
       count(i.inspection_id) FILTER (WHERE i.minutes >= $min_minutes)::INTEGER AS qualifying,
       coalesce(list({'id': i.inspection_id, 'date': strftime(i.inspection_date, '%Y-%m-%d'),
                      'minutes': i.minutes::DOUBLE, 'inspector': i.inspector}
                     ) FILTER (WHERE i.inspection_id IS NOT NULL), []) AS inspections
FROM stg_units u
CROSS JOIN whole_weeks w
LEFT JOIN stg_inspections i
  ON i.unit_id = u.unit_id AND i.method = $method AND i.inspection_date BETWEEN w.week_start AND w.week_end
WHERE u.level = $level
GROUP BY u.unit_id, w.week_start, w.week_end
ORDER BY u.unit_id, w.week_start;
