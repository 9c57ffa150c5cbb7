-- The rules of the units table that span rows or read the config; each cell on its own, and the
-- uniqueness of the table's IDs, are checked by the SQL generated from src/config/tables.ts.
INSERT INTO validation_errors
SELECT 'units', file_id, record_no, 'level', 'a level from org.levels: ' || (SELECT string_agg(level_id, ', ' ORDER BY depth) FROM cfg_levels), quoted(level)
FROM raw_units WHERE level IS NULL OR level NOT IN (SELECT level_id FROM cfg_levels)
UNION ALL
SELECT 'units', file_id, record_no, 'parent_id', 'an empty parent for the top level "' || (SELECT level_id FROM cfg_levels WHERE depth = 0) || '"', quoted(parent_id)
FROM raw_units u JOIN cfg_levels l ON u.level = l.level_id WHERE l.depth = 0 AND parent_id IS NOT NULL
UNION ALL
SELECT 'units', u.file_id, u.record_no, 'parent_id', 'a unit at level "' || up.level_id || '", the level above "' || u.level || '"',
       CASE WHEN p.unit_id IS NULL THEN 'no unit ' || quoted(u.parent_id) ELSE quoted(u.parent_id) || ' at level "' || coalesce(p.level, '') || '"' END
FROM raw_units u
JOIN cfg_levels l ON u.level = l.level_id
JOIN cfg_levels up ON up.depth = l.depth - 1
LEFT JOIN raw_units p ON p.unit_id = u.parent_id
WHERE l.depth > 0 AND (p.unit_id IS NULL OR p.level IS DISTINCT FROM up.level_id);
