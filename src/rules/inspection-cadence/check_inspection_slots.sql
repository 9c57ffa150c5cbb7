-- Every unit of a level, every slot of $hours hours within the service hours [$from_hour, $to_hour)
-- of every day inside [$from, $to] that is closed (int_as_of.closed_through), with fewer inspections
-- of one method that started in it than the rule's count ($op $required), and those inspections.
-- The lists are unordered; the check sorts its evidence.
WITH days AS (
  SELECT d::DATE AS day
  FROM generate_series($from::DATE::TIMESTAMP, $to::DATE::TIMESTAMP, INTERVAL 1 DAY) AS g(d), int_as_of
  WHERE d::DATE <= int_as_of.closed_through
),
slots AS (
  SELECT h AS start_hour, h + $hours AS end_hour FROM range($from_hour, $to_hour, $hours) AS r(h)
)
SELECT u.unit_id,
       strftime(d.day, '%Y-%m-%d') AS day,
       s.start_hour::INTEGER AS start_hour,
       s.end_hour::INTEGER AS end_hour,
       count(i.inspection_id) FILTER (WHERE i.minutes >= $min_minutes)::INTEGER AS qualifying,
       coalesce(list({'id': i.inspection_id, 'date': strftime(i.inspection_date, '%Y-%m-%d'), 'time': left(i.inspection_time::VARCHAR, 5),
                      'minutes': i.minutes::DOUBLE, 'inspector': i.inspector}
                     ) FILTER (WHERE i.inspection_id IS NOT NULL), []) AS inspections
FROM stg_units u
CROSS JOIN days d
CROSS JOIN slots s
LEFT JOIN stg_inspections i
  ON i.unit_id = u.unit_id AND i.method = $method AND i.inspection_date = d.day
 AND hour(i.inspection_time) >= s.start_hour AND hour(i.inspection_time) < s.end_hour
WHERE u.level = $level
GROUP BY u.unit_id, d.day, s.start_hour, s.end_hour
-- A day has up to 24 slots a unit: only the slots that fall short leave the database.
HAVING NOT meets_threshold(count(i.inspection_id) FILTER (WHERE i.minutes >= $min_minutes), $op, $required)
ORDER BY u.unit_id, d.day, s.start_hour;
