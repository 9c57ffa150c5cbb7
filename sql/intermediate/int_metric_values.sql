-- Each metric of each entity in each span period, under every aggregate a rule may ask for,
-- with the metric rows behind it.
WITH grouped AS (
  SELECT p.period_id, m.metric AS metric_id, m.entity_kind, m.entity_id,
         sum(m.value)::DOUBLE AS "sum", avg(m.value)::DOUBLE AS "mean",
         arg_max(m.value, m.metric_date::VARCHAR || m.metric_id)::DOUBLE AS "last",
         min(m.value)::DOUBLE AS "min", max(m.value)::DOUBLE AS "max", list_sort(list(m.metric_id)) AS source_ids
  FROM int_live_periods p
  JOIN stg_metrics m ON m.metric_date BETWEEN p.start_date AND p.end_date
  WHERE NOT p.combined
  GROUP BY ALL
)
UNPIVOT grouped ON "sum", "mean", "last", "min", "max" INTO NAME aggregate VALUE value;
