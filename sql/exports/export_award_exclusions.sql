-- Each failed eligibility rule of a published candidate, with the unit it came from and any approval.
SELECT x.award_id, x.period_id, x.entity_kind, x.entity_id, x.rule_id, x.observed::DOUBLE AS observed,
       x.via_unit_id, u.name AS via_unit_name, x.approval_reference
FROM int_award_exclusions x
LEFT JOIN stg_units u ON u.unit_id = x.via_unit_id
ORDER BY x.award_id, x.period_id, x.entity_kind, x.entity_id, x.rule_id;
