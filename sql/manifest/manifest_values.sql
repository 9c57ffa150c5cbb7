-- Every entity's score per score and period, and rank per published ranking and period: the data
-- manifest's values, which the next build compares ("what changed"). A person's scores are left
-- out where the edition shows none ($staff_scores_shown); $published_rankings is a JSON array of
-- the rankings the edition publishes.
CREATE OR REPLACE TABLE manifest_values AS
SELECT 'score' AS kind, score_id AS of, period_id, entity_kind || ':' || entity_id AS entity, score::DOUBLE AS value
FROM fct_period_scores
WHERE $staff_scores_shown OR entity_kind <> 'staff'
UNION ALL
SELECT 'rank' AS kind, ranking_id AS of, period_id, entity_kind || ':' || entity_id AS entity, rank::DOUBLE AS value
FROM fct_standings
WHERE list_contains(from_json($published_rankings, '["VARCHAR"]'), ranking_id);
