-- Every unit of a level, every calendar month inside [$from, $to] that is closed (int_as_of.closed_through), with the customers surveyed in it.
WITH months AS (
  SELECT p.start_date, p.end_date FROM cfg_periods p, int_as_of
  WHERE p.kind = 'month' AND p.start_date >= $from::DATE AND p.end_date <= $to::DATE AND p.end_date <= int_as_of.closed_through
)
SELECT u.unit_id,
       strftime(m.start_date, '%Y-%m-%d') AS month_start,
       strftime(m.end_date, '%Y-%m-%d') AS month_end,
       coalesce(sum(s.satisfied + s.neutral + s.unsatisfied), 0)::INTEGER AS respondents,
       coalesce(list({'id': s.survey_id, 'date': strftime(s.survey_date, '%Y-%m-%d'),
                      'respondents': s.satisfied + s.neutral + s.unsatisfied}
                     ) FILTER (WHERE s.survey_id IS NOT NULL), []) AS surveys
FROM stg_units u
CROSS JOIN months m
LEFT JOIN stg_surveys s ON s.unit_id = u.unit_id AND s.survey_date BETWEEN m.start_date AND m.end_date
WHERE u.level = $level
GROUP BY u.unit_id, m.start_date, m.end_date
ORDER BY u.unit_id, m.start_date;
