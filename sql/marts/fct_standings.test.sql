-- Contract: ranks are competition ranks within their scope (ranking, period and group): one more
-- than the entries with a strictly better score, so ties share a rank and the next rank is skipped
-- (1, 2, 2, 4); rank_count counts the scope. Offending rows: the rank given and the rank due.
-- The entries ahead are counted per distinct score, in one ordered pass over each scope: pairing
-- every entry with every other of its scope took 13 s for 4,750 staff and would not end for 40,000.
WITH scores AS (
  SELECT s.ranking_id, s.period_id, s.group_id, s.score, any_value(r.descending) AS descending, count(*) AS entries
  FROM fct_standings s
  JOIN cfg_rankings r ON r.ranking_id = s.ranking_id
  GROUP BY s.ranking_id, s.period_id, s.group_id, s.score
),
ahead AS (
  SELECT ranking_id, period_id, group_id, score,
         coalesce(sum(entries) OVER (PARTITION BY ranking_id, period_id, group_id ORDER BY CASE WHEN descending THEN -score ELSE score END
                                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS better,
         sum(entries) OVER (PARTITION BY ranking_id, period_id, group_id) AS in_scope
  FROM scores
),
due AS (
  SELECT s.ranking_id, s.period_id, s.entity_kind, s.entity_id, s.rank, s.rank_count, 1 + a.better AS rank_due, a.in_scope AS count_due
  FROM fct_standings s
  JOIN ahead a ON a.ranking_id = s.ranking_id AND a.period_id = s.period_id AND a.group_id IS NOT DISTINCT FROM s.group_id AND a.score = s.score
)
SELECT * FROM due WHERE rank <> rank_due OR rank_count <> count_due;
