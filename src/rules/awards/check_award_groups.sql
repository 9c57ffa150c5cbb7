-- Each award list (award, period, quota group): its eligible candidates, places and winners, for
-- the competitive-selection and soft-cap checks. A group that is not a unit (an attribute value,
-- or the whole competition) is reported at the top unit.
WITH root AS (
  SELECT min(unit_id) AS unit_id FROM stg_units WHERE parent_id IS NULL
)
SELECT a.award_id, a.period_id, strftime(p.start_date, '%Y-%m-%d') AS period_start, strftime(p.end_date, '%Y-%m-%d') AS period_end,
       a.quota_group, coalesce(gu.unit_id, root.unit_id) AS unit_id,
       any_value(a.places) AS places,
       count(*) FILTER (WHERE a.outcome <> 'ineligible')::INTEGER AS candidates,
       count(*) FILTER (WHERE a.outcome = 'winner')::INTEGER AS winners,
       to_json(list({'id': a.entity_id, 'name': e.name, 'outcome': a.outcome}) FILTER (WHERE a.outcome <> 'ineligible'))::VARCHAR AS candidate_list
FROM fct_awards a
JOIN cfg_periods p ON p.period_id = a.period_id
JOIN int_entities e ON e.entity_kind = a.entity_kind AND e.entity_id = a.entity_id
CROSS JOIN root
LEFT JOIN stg_units gu ON gu.unit_id = a.quota_group
GROUP BY a.award_id, a.period_id, p.start_date, p.end_date, a.quota_group, gu.unit_id, root.unit_id
ORDER BY a.award_id, a.period_id, a.quota_group;
