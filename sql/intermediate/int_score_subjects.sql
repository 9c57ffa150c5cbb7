-- Every entity each score applies to, with the unit it sits in (a staff member's unit, a unit itself).
SELECT s.score_id, s.model, s.base, s.aggregate, e.entity_kind, e.entity_id, e.subject,
       CASE WHEN e.entity_kind = 'staff' THEN e.parent_unit_id ELSE e.entity_id END AS home_unit_id
FROM cfg_scores s
JOIN cfg_score_subjects ss ON ss.score_id = s.score_id
JOIN int_entities e ON e.subject = ss.subject;
