-- Why a candidate is out whatever its score: each failed eligibility rule of its award, and an
-- upheld objection (the nomination's status, or a decision of the objections table). A written approval for the rule (and award) keeps the row,
-- marked with the approval's reference, and the candidate stays in.
WITH candidates AS (
  SELECT DISTINCT award_id, period_id, entity_kind, entity_id,
         CASE WHEN entity_kind = 'staff' THEN parent_unit_id ELSE entity_id END AS unit_id, nomination_status
  FROM int_award_candidates WHERE matched
),
-- Whose scores a rule reads: the candidate, and with `scope: ancestors` every unit above it too.
scope AS (
  SELECT c.award_id, c.period_id, c.entity_kind AS candidate_kind, c.entity_id AS candidate_id, c.entity_kind, c.entity_id
  FROM candidates c
  UNION ALL
  SELECT c.award_id, c.period_id, c.entity_kind, c.entity_id, 'unit', a.ancestor_id
  FROM candidates c JOIN int_unit_ancestors a ON a.unit_id = c.unit_id
  WHERE c.entity_kind = 'staff' OR a.distance > 0
),
score_failures AS (
  SELECT sc.award_id, sc.period_id, sc.candidate_kind AS entity_kind, sc.candidate_id AS entity_id, r.rule_id,
         arg_min(s.score, sc.entity_kind || ':' || sc.entity_id) AS observed,
         min(CASE WHEN sc.entity_kind = sc.candidate_kind AND sc.entity_id = sc.candidate_id THEN NULL ELSE sc.entity_id END) AS via_unit_id
  FROM scope sc
  JOIN cfg_award_eligibility ae ON ae.award_id = sc.award_id
  JOIN cfg_eligibility r ON r.rule_id = ae.rule_id AND r.kind = 'score'
  JOIN fct_period_scores s
    ON s.score_id = r.score_id AND s.period_id = coalesce(r.period_id, sc.period_id)
   AND s.entity_kind = sc.entity_kind AND s.entity_id = sc.entity_id
  WHERE (r.ancestors OR (sc.entity_kind = sc.candidate_kind AND sc.entity_id = sc.candidate_id))
    AND meets_threshold(s.score, r.op, r.value_number)
  GROUP BY ALL
),
-- A score rule with `missing: out` removes a candidate that has no such score of its own (no row,
-- or no value: a rate with nothing served) in the period the rule reads.
score_missing AS (
  SELECT c.award_id, c.period_id, c.entity_kind, c.entity_id, r.rule_id, NULL::DECIMAL(18, 6) AS observed, NULL AS via_unit_id
  FROM candidates c
  JOIN cfg_award_eligibility ae ON ae.award_id = c.award_id
  JOIN cfg_eligibility r ON r.rule_id = ae.rule_id AND r.kind = 'score' AND r.missing_out
  WHERE NOT EXISTS (SELECT 1 FROM fct_period_scores s
                    WHERE s.score_id = r.score_id AND s.period_id = coalesce(r.period_id, c.period_id)
                      AND s.entity_kind = c.entity_kind AND s.entity_id = c.entity_id AND s.score IS NOT NULL)
    -- An ancestor's score may already have failed the rule: one reason per rule.
    AND NOT EXISTS (SELECT 1 FROM score_failures f
                    WHERE f.award_id = c.award_id AND f.period_id = c.period_id AND f.entity_kind = c.entity_kind
                      AND f.entity_id = c.entity_id AND f.rule_id = r.rule_id)
),
-- An attribute rule reads the candidate's own attribute, or for a person their unit's.
attribute_values AS (
  SELECT c.award_id, c.period_id, c.entity_kind, c.entity_id, r.rule_id, r.op, r.value_number AS limit_number, r.value_date AS limit_date, r.missing_out,
         coalesce(own.value, unit.value) AS value, coalesce(own.value_number, unit.value_number) AS value_number,
         coalesce(own.value_date, unit.value_date) AS value_date
  FROM candidates c
  JOIN cfg_award_eligibility ae ON ae.award_id = c.award_id
  JOIN cfg_eligibility r ON r.rule_id = ae.rule_id AND r.kind = 'attribute'
  LEFT JOIN stg_attributes own ON own.entity_kind = c.entity_kind AND own.entity_id = c.entity_id AND own.attribute_id = r.attribute_id
  LEFT JOIN stg_attributes unit ON c.entity_kind = 'staff' AND unit.entity_kind = 'unit' AND unit.entity_id = c.unit_id AND unit.attribute_id = r.attribute_id
),
attribute_failures AS (
  SELECT v.award_id, v.period_id, v.entity_kind, v.entity_id, v.rule_id, v.value_number AS observed, NULL AS via_unit_id
  FROM attribute_values v
  WHERE CASE WHEN v.value IS NULL THEN v.missing_out
             WHEN v.op = 'in' THEN v.value IN (SELECT value FROM cfg_eligibility_values ev WHERE ev.rule_id = v.rule_id)
             WHEN v.op = 'not_in' THEN v.value NOT IN (SELECT value FROM cfg_eligibility_values ev WHERE ev.rule_id = v.rule_id)
             WHEN v.limit_date IS NOT NULL THEN meets_threshold(v.value_date, v.op, v.limit_date)
             ELSE meets_threshold(v.value_number, v.op, v.limit_number) END
),
objections AS (
  SELECT award_id, period_id, entity_kind, entity_id, 'objection' AS rule_id, NULL::DECIMAL(18, 6) AS observed, NULL AS via_unit_id
  FROM candidates c
  WHERE nomination_status = 'objection_upheld'
     OR EXISTS (SELECT 1 FROM stg_objections o
                WHERE o.decision = 'upheld' AND o.award_id = c.award_id AND o.period_id = c.period_id
                  AND o.entity_kind = c.entity_kind AND o.entity_id = c.entity_id)
),
failures AS (
  SELECT * FROM score_failures
  UNION ALL
  SELECT * FROM score_missing
  UNION ALL
  SELECT * FROM attribute_failures
  UNION ALL
  SELECT * FROM objections
)
-- One approval per failure (the first by id), whether it names the award or every award.
SELECT f.award_id, f.period_id, f.entity_kind, f.entity_id, f.rule_id, f.observed, f.via_unit_id,
       min(ap.approval_id) AS approval_id, arg_min(ap.reference, ap.approval_id) AS approval_reference
FROM failures f
LEFT JOIN stg_approvals ap
  ON ap.rule_id = f.rule_id AND ap.entity_kind = f.entity_kind AND ap.entity_id = f.entity_id
 AND (ap.award_id IS NULL OR ap.award_id = f.award_id)
GROUP BY ALL;
