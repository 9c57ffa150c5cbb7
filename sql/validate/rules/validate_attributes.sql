-- The extra columns declared in org.attributes: present when required, of their type, a number
-- with no more decimals than staging keeps, and text held to the characters any text column is
-- (forbidden_character): a Parquet file's cells are not read byte by byte as a CSV's are.
INSERT INTO validation_errors
WITH cells AS (
  SELECT 'units' AS table_name, u.file_id, u.record_no, a.attribute_id, a.type, a.required, u.attributes[a.attribute_id] AS value
  FROM raw_units u JOIN cfg_attributes a ON a.of_table = 'units'
  UNION ALL
  SELECT 'staff', s.file_id, s.record_no, a.attribute_id, a.type, a.required, s.attributes[a.attribute_id]
  FROM raw_staff s JOIN cfg_attributes a ON a.of_table = 'staff'
)
SELECT table_name, file_id, record_no, attribute_id, 'a value: attribute "' || attribute_id || '" is required', quoted(value)
FROM cells WHERE required AND value IS NULL
UNION ALL
SELECT table_name, file_id, record_no, attribute_id, 'a number', quoted(value) FROM cells WHERE type = 'number' AND bad_number(value)
UNION ALL
SELECT table_name, file_id, record_no, attribute_id, 'a date written YYYY-MM-DD', quoted(value) FROM cells WHERE type = 'date' AND bad_date(value)
UNION ALL
SELECT table_name, file_id, record_no, attribute_id, 'a number with at most 6 decimals (scores keep 6)', quoted(value) FROM cells WHERE type = 'number' AND too_precise(value, 6)
UNION ALL
SELECT table_name, file_id, record_no, attribute_id, 'text without control or direction-changing characters', forbidden_character_found(value)
FROM cells WHERE type = 'text' AND forbidden_character(value) <> '';
