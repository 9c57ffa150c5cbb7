CREATE TABLE stg_units AS
SELECT u.unit_id, u.name, u.level, l.depth, u.parent_id, u.head_staff_id, u.file_id, u.record_no
FROM raw_units u JOIN cfg_levels l ON l.level_id = u.level;
