-- Each unit with itself and every unit above it. Validation guarantees each parent sits one
-- level up, so the recursion ends.
WITH RECURSIVE up(unit_id, ancestor_id, distance) AS (
  SELECT unit_id, unit_id, 0 FROM stg_units
  UNION ALL
  SELECT up.unit_id, u.parent_id, up.distance + 1
  FROM up JOIN stg_units u ON u.unit_id = up.ancestor_id
  WHERE u.parent_id IS NOT NULL
)
SELECT up.unit_id, up.ancestor_id, a.level AS ancestor_level, up.distance
FROM up JOIN stg_units a ON a.unit_id = up.ancestor_id;
