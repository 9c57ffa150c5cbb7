-- Numbers with more decimals than their column keeps, which staging would round silently.
INSERT INTO validation_errors
WITH cells AS (
  SELECT 'events' AS table_name, file_id, record_no, 'points' AS column_name, points AS value, 6 AS decimals FROM raw_events
  UNION ALL
  SELECT 'events', file_id, record_no, 'amount', amount, 2 FROM raw_events
  UNION ALL
  SELECT 'appeals', file_id, record_no, 'points', points, 6 FROM raw_appeals
  UNION ALL
  SELECT 'appeals', file_id, record_no, 'amount', amount, 2 FROM raw_appeals
  UNION ALL
  SELECT 'checks', file_id, record_no, 'score', score, 6 FROM raw_checks
  UNION ALL
  SELECT 'inspections', file_id, record_no, 'minutes', minutes, 6 FROM raw_inspections
  UNION ALL
  SELECT 'metrics', file_id, record_no, 'value', value, 6 FROM raw_metrics
  UNION ALL
  SELECT c.table_name, c.file_id, c.record_no, c.attribute_id, c.value, 6
  FROM (SELECT 'units' AS table_name, u.file_id, u.record_no, a.attribute_id, u.attributes[a.attribute_id] AS value
        FROM raw_units u JOIN cfg_attributes a ON a.of_table = 'units' AND a.type = 'number'
        UNION ALL
        SELECT 'staff', s.file_id, s.record_no, a.attribute_id, s.attributes[a.attribute_id]
        FROM raw_staff s JOIN cfg_attributes a ON a.of_table = 'staff' AND a.type = 'number') c
)
SELECT table_name, file_id, record_no, column_name,
       'a number with at most ' || decimals || ' decimals (' || CASE decimals WHEN 2 THEN 'money keeps cents' ELSE 'scores keep 6' END || ')',
       quoted(value)
FROM cells WHERE too_precise(value, decimals);
