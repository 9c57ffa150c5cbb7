-- Ranks within each ranking scope, with competition ranking (1, 2, 2, 4): ties share a rank.
-- The rank change compares with the previous period of the same kind (last month, last phase).
WITH entries AS (
  SELECT r.ranking_id, s.period_id, s.score_id, s.entity_kind, s.entity_id, s.score, r.descending,
         a.ancestor_id AS group_id
  FROM cfg_rankings r
  JOIN cfg_ranking_periods rp ON rp.ranking_id = r.ranking_id
  JOIN fct_period_scores s ON s.period_id = rp.period_id AND s.score_id = r.score_id
  JOIN int_entities e ON e.entity_kind = s.entity_kind AND e.entity_id = s.entity_id AND e.subject = r.subject
  -- Equalities only, so the join is hashed; with no within_level nothing matches and group_id is NULL.
  LEFT JOIN int_unit_ancestors a
    ON a.unit_id = CASE WHEN e.entity_kind = 'staff' THEN e.parent_unit_id ELSE e.entity_id END
   AND a.ancestor_level = r.within_level
),
ranked AS (
  SELECT *,
         rank() OVER (PARTITION BY ranking_id, period_id, group_id
                      ORDER BY CASE WHEN descending THEN -score ELSE score END) AS rank,
         rank() OVER (PARTITION BY ranking_id, period_id, group_id
                      ORDER BY CASE WHEN descending THEN score ELSE -score END) AS rank_from_bottom,
         count(*) OVER (PARTITION BY ranking_id, period_id, group_id) AS rank_count
  FROM entries
),
-- A period's first target that applies to the subject: one without a condition, or one whose
-- attribute matches (urban ≥ 90, county ≥ 85).
subject_targets AS (
  SELECT e.period_id, e.score_id, e.entity_kind, e.entity_id, arg_min(t.op, t.ord) AS op, arg_min(t.value, t.ord) AS value
  FROM (SELECT DISTINCT period_id, score_id, entity_kind, entity_id FROM entries) e
  JOIN cfg_targets t ON t.period_id = e.period_id AND t.score_id = e.score_id
  LEFT JOIN stg_attributes a ON a.entity_kind = e.entity_kind AND a.entity_id = e.entity_id AND a.attribute_id = t.attribute_id
  WHERE t.attribute_id IS NULL OR a.value = t.equals
  GROUP BY ALL
),
previous_period AS (
  SELECT period_id, lag(period_id) OVER (PARTITION BY kind ORDER BY ord) AS previous_id FROM cfg_periods
)
SELECT r.ranking_id, r.period_id, r.score_id, r.entity_kind, r.entity_id, r.group_id, r.score,
       r.rank::INTEGER AS rank, r.rank_from_bottom::INTEGER AS rank_from_bottom, r.rank_count::INTEGER AS rank_count,
       prev.rank::INTEGER AS previous_rank,
       (prev.rank - r.rank)::INTEGER AS rank_change,
       t.op AS target_op, t.value AS target_value,
       CASE t.op WHEN '>=' THEN r.score >= t.value WHEN '>' THEN r.score > t.value
                 WHEN '<' THEN r.score < t.value WHEN '<=' THEN r.score <= t.value END AS target_met
FROM ranked r
JOIN previous_period pp ON pp.period_id = r.period_id
LEFT JOIN ranked prev
  ON prev.ranking_id = r.ranking_id AND prev.period_id = pp.previous_id
 AND prev.entity_kind = r.entity_kind AND prev.entity_id = r.entity_id
LEFT JOIN subject_targets t
  ON t.period_id = r.period_id AND t.score_id = r.score_id AND t.entity_kind = r.entity_kind AND t.entity_id = r.entity_id;
