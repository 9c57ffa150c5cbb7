-- Every score of each ranking and period that entity pages rank against (the competition-wide
-- rankings, as sql/site/site_entity_pages.sql picks them), in order, for the peer distribution.
SELECT st.ranking_id, st.period_id, list(st.score::DOUBLE ORDER BY st.score) AS scores
FROM fct_standings st JOIN cfg_rankings r ON r.ranking_id = st.ranking_id
WHERE r.within_level IS NULL
GROUP BY st.ranking_id, st.period_id
ORDER BY st.ranking_id, st.period_id;
