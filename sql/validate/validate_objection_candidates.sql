-- Run once the award lists are drawn: an objection names a candidate on the list of its award
-- and period (a winner, or one the list left out for a rule or an objection), never someone the
-- list did not reach.
INSERT INTO validation_errors
SELECT 'objections', o.file_id, o.record_no, CASE WHEN o.staff_id IS NULL THEN 'unit_id' ELSE 'staff_id' END,
       'a candidate on the list of award ' || quoted(o.award_id) || ' for period ' || quoted(o.period_id),
       quoted(coalesce(o.staff_id, o.unit_id)) || ', not on that list'
FROM raw_objections o
WHERE NOT EXISTS (
  SELECT 1 FROM fct_awards a
  WHERE a.award_id = o.award_id AND a.period_id = o.period_id AND a.outcome IN ('winner', 'ineligible')
    AND a.entity_kind = CASE WHEN o.staff_id IS NULL THEN 'unit' ELSE 'staff' END AND a.entity_id = coalesce(o.staff_id, o.unit_id)
);
