-- The rules of the metrics table that span rows or read the config; each cell on its own is checked
-- by the SQL generated from src/pipeline/tables.ts.
INSERT INTO validation_errors
SELECT 'metrics', file_id, record_no, 'metric_id', 'a metric_id used once across all metric files', again_found(metric_id, first_id)
FROM (SELECT *, row_number() OVER (PARTITION BY lower(metric_id) ORDER BY file_id, record_no) AS nth,
             first_value(metric_id) OVER (PARTITION BY lower(metric_id) ORDER BY file_id, record_no) AS first_id FROM raw_metrics WHERE metric_id IS NOT NULL) WHERE nth > 1
UNION ALL
SELECT 'metrics', file_id, record_no, 'metric',
       'a metric declared in the config’s metrics: ' || coalesce((SELECT string_agg(metric_id, ', ' ORDER BY metric_id) FROM cfg_metrics), 'none declared'), quoted(metric)
FROM raw_metrics WHERE metric IS NULL OR metric NOT IN (SELECT metric_id FROM cfg_metrics);
