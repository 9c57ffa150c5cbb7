-- Everything that can hold a score: units (their subject is their level) and staff.
SELECT 'unit' AS entity_kind, unit_id AS entity_id, level AS subject, name, parent_id AS parent_unit_id FROM stg_units
UNION ALL
SELECT 'staff', staff_id, 'staff', name, unit_id FROM stg_staff;
