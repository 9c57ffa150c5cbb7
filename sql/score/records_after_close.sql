-- Records dated after the config's closed_through, per table: they count, but only in periods
-- that are still provisional, and the build notes them. No rows when closed_through is not set.
SELECT r.source_table, count(*)::INTEGER AS records, strftime(min(r.record_date), '%Y-%m-%d') AS first_date
FROM (
  SELECT 'events' AS source_table, event_date AS record_date FROM stg_events
  UNION ALL SELECT 'surveys', survey_date FROM stg_surveys
  UNION ALL SELECT 'checks', check_date FROM stg_checks
  UNION ALL SELECT 'inspections', inspection_date FROM stg_inspections
  UNION ALL SELECT 'metrics', metric_date FROM stg_metrics
) r
JOIN cfg_competition c ON r.record_date > c.closed_through
GROUP BY r.source_table
ORDER BY r.source_table;
