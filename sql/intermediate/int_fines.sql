-- Per-event money (S5): what each counted event of a type with a fine costs its subject (cascade
-- receivers pay nothing). fixed: the sum per occurrence; range: the event's own amount (after an
-- adjusted appeal); per_point: the rate × the event's points, with repeat_per_point on a repeat.
-- The event's multiplier applies to the money too, except that on_repeat = 'rate' lets the repeat
-- rate replace the repeat multiplier (a priority multiplier still applies).
WITH rated AS (
  SELECT c.*, f.kind AS fine_kind, f.fixed_amount, f.per_point, f.repeat_per_point,
         c.is_repeat AND f.repeat_per_point IS NOT NULL AND coalesce(f.on_repeat, 'both') <> 'multiplier' AS repeat_rate_applies,
         f.on_repeat
  FROM int_counted_events c
  JOIN cfg_fines f ON f.type_id = c.type
),
priced AS (
  SELECT *,
         CASE WHEN fine_kind = 'per_point' THEN CASE WHEN repeat_rate_applies THEN repeat_per_point ELSE per_point END END AS rate,
         CASE fine_kind WHEN 'fixed' THEN fixed_amount WHEN 'range' THEN amount END AS case_amount,
         CASE WHEN repeat_rate_applies AND on_repeat = 'rate' THEN priority_factor ELSE multiplier END AS money_multiplier
  FROM rated
)
SELECT event_id, event_date AS fined_on, type AS type_id, subject_kind AS entity_kind, subject_id AS entity_id,
       fine_kind, CASE WHEN fine_kind = 'per_point' THEN magnitude END AS points, rate, money_multiplier AS multiplier,
       round(coalesce(case_amount, rate * magnitude) * money_multiplier, 2)::DECIMAL(18, 2) AS amount,
       is_repeat, priority, appeal_id, appeal_decision
FROM priced;
