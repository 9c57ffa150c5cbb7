SELECT approval_id, date AS approval_date, rule_id, award_id,
       CASE WHEN staff_id IS NULL THEN 'unit' ELSE 'staff' END AS entity_kind, coalesce(staff_id, unit_id) AS entity_id, reference
FROM typed_approvals();
