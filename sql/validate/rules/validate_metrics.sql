-- The rules of the metrics table that span rows or read the config; each cell on its own, and the
-- uniqueness of the table's IDs, are checked by the SQL generated from src/config/tables.ts.
INSERT INTO validation_errors
SELECT 'metrics', file_id, record_no, 'metric',
       'a metric declared in the config’s metrics: ' || coalesce((SELECT string_agg(metric_id, ', ' ORDER BY metric_id) FROM cfg_metrics), 'none declared'), quoted(metric)
FROM raw_metrics WHERE metric IS NULL OR metric NOT IN (SELECT metric_id FROM cfg_metrics);
