-- The data manifest's values file (exports/data-manifest-values.parquet), in one order, so the
-- bytes repeat for the same data.
SELECT kind, of, period_id, entity, value
FROM manifest_values
ORDER BY kind, of, period_id, entity;
