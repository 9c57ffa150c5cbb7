-- The standing each score's history shows beside it (site_entity_pages.sql): the rank from the
-- first configured ranking across the competition, and the nearest score of a better rank. Made
-- once for every batch of pages: its windows run over all standings, and every batch ran them again.
CREATE OR REPLACE TEMP TABLE site_entity_standings AS
SELECT * EXCLUDE (pick)
FROM (
  SELECT st.*, row_number() OVER (PARTITION BY st.period_id, st.score_id, st.entity_kind, st.entity_id ORDER BY r.ord) AS pick,
         -- The nearest score of a better rank (ties share a rank, so a strictly smaller one):
         -- the lowest score above when high is good, the highest below when low is.
         CASE WHEN r.descending THEN min(st.score) OVER better ELSE max(st.score) OVER better END AS next_up_score
  FROM fct_standings st JOIN cfg_rankings r ON r.ranking_id = st.ranking_id
  WHERE r.within_level IS NULL
  WINDOW better AS (PARTITION BY st.ranking_id, st.period_id ORDER BY st.rank RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
)
WHERE pick = 1;
