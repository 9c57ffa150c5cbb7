-- The checks each check_average score counts: of its kinds (all when it lists none), about one
-- of its subjects (a unit, or a person when the check names one), and signed off unless the
-- score counts unsigned checks (S3 验收签字). Scores and the findings' evidence both read it.
SELECT s.score_id, s.aggregate, c.*
FROM cfg_scores s
JOIN cfg_score_subjects ss ON ss.score_id = s.score_id
JOIN int_entities e ON e.subject = ss.subject
JOIN stg_checks c ON c.entity_kind = e.entity_kind AND c.entity_id = e.entity_id
WHERE s.model = 'check_average'
  AND (NOT EXISTS (SELECT 1 FROM cfg_score_check_kinds k WHERE k.score_id = s.score_id)
       OR c.kind IN (SELECT k.check_kind FROM cfg_score_check_kinds k WHERE k.score_id = s.score_id))
  AND (c.signed_by <> '' OR s.score_id NOT IN (SELECT score_id FROM cfg_scores_excluding_unsigned));
