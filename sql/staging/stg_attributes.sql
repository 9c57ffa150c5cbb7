-- Declared attributes of units and staff, one row per filled cell, typed as the config says.
WITH cells AS (
  SELECT 'unit' AS entity_kind, unit_id AS entity_id, 'units' AS of_table, attributes FROM raw_units
  UNION ALL
  SELECT 'staff', staff_id, 'staff', attributes FROM raw_staff
)
SELECT c.entity_kind, c.entity_id, a.attribute_id, c.attributes[a.attribute_id] AS value,
       CASE WHEN a.type = 'number' THEN as_number(c.attributes[a.attribute_id]) END AS value_number,
       CASE WHEN a.type = 'date' THEN as_date(c.attributes[a.attribute_id]) END AS value_date
FROM cells c JOIN cfg_attributes a ON a.of_table = c.of_table
WHERE c.attributes[a.attribute_id] IS NOT NULL;
