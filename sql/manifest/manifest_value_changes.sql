-- Scores and ranks that moved since the site this build replaces, by entity, then scores before
-- ranks. Only periods both builds show are compared ($previous_periods, $current_periods: JSON
-- arrays): a new period's scores are new, not moved. The first $entities_listed entities are
-- listed (a page lists a few; `podium diff` all), each row counting every entity that moved.
WITH moved AS (
    SELECT coalesce(n.kind, o.kind) AS what,
           coalesce(n.of, o.of) AS of,
           coalesce(n.period_id, o.period_id) AS period_id,
           coalesce(n.entity, o.entity) AS entity,
           o.value AS before,
           n.value AS after
    FROM manifest_values n
    FULL OUTER JOIN previous_manifest_values o
      ON o.kind = n.kind AND o.of = n.of AND o.period_id = n.period_id AND o.entity = n.entity
    WHERE o.value IS DISTINCT FROM n.value
),
shown AS (
    SELECT *, dense_rank() OVER (ORDER BY entity) AS entity_number
    FROM moved
    WHERE list_contains(from_json($previous_periods, '["VARCHAR"]'), period_id)
      AND list_contains(from_json($current_periods, '["VARCHAR"]'), period_id)
)
SELECT what, of, period_id, entity, before, after, (SELECT max(entity_number) FROM shown) AS entity_count
FROM shown
WHERE entity_number <= $entities_listed
ORDER BY entity, what = 'rank', of, period_id;
