INSERT INTO validation_errors
WITH i AS (SELECT *, as_date(date) AS d FROM raw_inspections)
SELECT 'inspections', file_id, record_no, 'inspection_id', id_expected(), quoted(inspection_id) FROM i WHERE inspection_id IS NULL OR bad_id(inspection_id)
UNION ALL
SELECT 'inspections', file_id, record_no, 'inspection_id', 'an inspection_id used once', again_found(inspection_id, first_id)
FROM (SELECT *, row_number() OVER (PARTITION BY lower(inspection_id) ORDER BY file_id, record_no) AS nth,
             first_value(inspection_id) OVER (PARTITION BY lower(inspection_id) ORDER BY file_id, record_no) AS first_id FROM i WHERE inspection_id IS NOT NULL) WHERE nth > 1
UNION ALL
SELECT 'inspections', file_id, record_no, 'date', 'a date written YYYY-MM-DD', date_found(date, 'inspections', 'date') FROM i WHERE d IS NULL
UNION ALL
SELECT 'inspections', file_id, record_no, 'date', competition_span(), quoted(date) FROM i WHERE outside_competition(d)
UNION ALL
SELECT 'inspections', file_id, record_no, 'unit_id', 'a unit_id from the units table', unknown_unit_found(unit_id)
FROM i WHERE unknown_unit(unit_id)
UNION ALL
SELECT 'inspections', file_id, record_no, 'method', 'onsite or video', quoted(method) FROM i WHERE method IS NULL OR method NOT IN ('onsite', 'video')
UNION ALL
SELECT 'inspections', file_id, record_no, 'minutes', 'a number of minutes, 0 or more', quoted(minutes) FROM i WHERE bad_number(minutes) OR as_number(minutes) < 0
UNION ALL
SELECT 'inspections', file_id, record_no, 'time', 'a time of day written HH:MM, 00:00 – 23:59', quoted(time) FROM i WHERE time IS NOT NULL AND as_time(time) IS NULL
UNION ALL
-- An hourly rule places each inspection of its method and level in an hour: one without a time
-- would be silently left out.
SELECT 'inspections', i.file_id, i.record_no, 'time', 'a time HH:MM: compliance rule "' || min(h.rule_id) || '" counts ' || i.method || ' inspections by the hour', 'an empty value'
FROM i
JOIN raw_units u ON u.unit_id = i.unit_id
JOIN cfg_hourly_cadences h ON h.method = i.method AND h.level_id = u.level
WHERE i.time IS NULL
GROUP BY i.file_id, i.record_no, i.method;
