-- Contract: ranks are competition ranks within their scope (ranking, period and group): one more
-- than the entries with a strictly better score, so ties share a rank and the next rank is skipped
-- (1, 2, 2, 4); rank_count counts the scope. Offending rows: the rank given and the rank due.
WITH due AS (
  SELECT s.ranking_id, s.period_id, s.entity_kind, s.entity_id, s.rank, s.rank_count,
         1 + count(o.entity_id) FILTER (WHERE CASE WHEN r.descending THEN o.score > s.score ELSE o.score < s.score END) AS rank_due,
         count(o.entity_id) AS count_due
  FROM fct_standings s
  JOIN cfg_rankings r ON r.ranking_id = s.ranking_id
  JOIN fct_standings o ON o.ranking_id = s.ranking_id AND o.period_id = s.period_id AND o.group_id IS NOT DISTINCT FROM s.group_id
  GROUP BY ALL
)
SELECT * FROM due WHERE rank <> rank_due OR rank_count <> count_due;
