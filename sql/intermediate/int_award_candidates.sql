-- Every standing an award could go to, with the columns award expressions use, and what the
-- award's expressions give it: `matched` (its `when` and cases), `raw_amount`, `order_value`.
-- Awards decided by the leadership (`candidates: selected`) take their candidates from the
-- nominations instead, with no score. The expressions are the award macros
-- (src/rules/awards/index.ts), each reading the standing `c` by column name; when one fails, the
-- build makes this model again with inert macros to trace it to its standing
-- (awardExpressionFailure, src/pipeline/award-expressions.ts).
WITH award_periods AS (
  SELECT a.award_id, a.ord AS award_ord, a.ranking_id, a.candidates, a.reached_op, a.reached_value, a.quota_level, a.quota_attribute, ap.period_id
  FROM cfg_awards a JOIN cfg_award_periods ap ON ap.award_id = a.award_id
),
-- Position of each period among the periods of its kind, for "the previous quarter" and history.
kind_periods AS (
  SELECT period_id, kind, row_number() OVER (PARTITION BY kind ORDER BY ord) AS kind_index FROM cfg_periods
),
history AS (
  SELECT s.ranking_id, s.entity_kind, s.entity_id, s.score, s.rank, kp.kind, kp.kind_index
  FROM fct_standings s JOIN kind_periods kp ON kp.period_id = s.period_id
),
headcounts AS (
  SELECT a.ancestor_id AS unit_id, count(*)::INTEGER AS headcount
  FROM stg_staff s JOIN int_unit_ancestors a ON a.unit_id = s.unit_id
  GROUP BY a.ancestor_id
),
-- The latest row of a nomination's history states where it stands.
nomination_status AS (
  SELECT award_id, period_id, entity_kind, entity_id, arg_max(status, strftime(nomination_date, '%Y-%m-%d') || nomination_id) AS status
  FROM stg_nominations GROUP BY ALL
),
standing_candidates AS (
  SELECT ap.award_id, ap.award_ord, ap.period_id, s.entity_kind, s.entity_id,
         s.score, s.target_value AS target, s.target_met, s.rank, s.rank_from_bottom, s.rank_count,
         prev.score AS previous_score, s.previous_rank,
         (SELECT count(*) FROM history h
           WHERE h.ranking_id = s.ranking_id AND h.entity_kind = s.entity_kind AND h.entity_id = s.entity_id
             AND h.kind = kp.kind AND h.kind_index < kp.kind_index
             AND meets_threshold(h.score, ap.reached_op, ap.reached_value))::INTEGER AS earlier_periods_reached,
         (kp.kind_index - (SELECT min(h.kind_index) FROM history h
           WHERE h.ranking_id = s.ranking_id AND h.entity_kind = s.entity_kind AND h.entity_id = s.entity_id
             AND h.kind = kp.kind AND h.kind_index <= kp.kind_index
             AND meets_threshold(h.score, ap.reached_op, ap.reached_value)))::INTEGER AS first_reached_periods_ago,
         CASE WHEN s.entity_kind = 'staff' THEN 1 ELSE coalesce(hc.headcount, 0) END AS headcount,
         ns.status AS nomination_status, s.group_id AS ranking_group
  FROM award_periods ap
  JOIN fct_standings s ON s.ranking_id = ap.ranking_id AND s.period_id = ap.period_id
  JOIN kind_periods kp ON kp.period_id = s.period_id
  LEFT JOIN history prev
    ON prev.ranking_id = s.ranking_id AND prev.entity_kind = s.entity_kind AND prev.entity_id = s.entity_id
   AND prev.kind = kp.kind AND prev.kind_index = kp.kind_index - 1
  LEFT JOIN headcounts hc ON s.entity_kind = 'unit' AND hc.unit_id = s.entity_id
  LEFT JOIN nomination_status ns
    ON ns.award_id = ap.award_id AND ns.period_id = ap.period_id AND ns.entity_kind = s.entity_kind AND ns.entity_id = s.entity_id
  WHERE ap.candidates = 'ranked' OR ns.status IN ('nominated', 'selected', 'objection_upheld')
),
selected_candidates AS (
  SELECT ap.award_id, ap.award_ord, ap.period_id, ns.entity_kind, ns.entity_id,
         NULL::DECIMAL(18, 6) AS score, NULL::DECIMAL(18, 6) AS target, NULL::BOOLEAN AS target_met,
         NULL::INTEGER AS rank, NULL::INTEGER AS rank_from_bottom, NULL::INTEGER AS rank_count,
         NULL::DECIMAL(18, 6) AS previous_score, NULL::INTEGER AS previous_rank,
         NULL::INTEGER AS earlier_periods_reached, NULL::INTEGER AS first_reached_periods_ago,
         CASE WHEN ns.entity_kind = 'staff' THEN 1 ELSE coalesce(hc.headcount, 0) END AS headcount,
         ns.status AS nomination_status, NULL AS ranking_group
  FROM award_periods ap
  JOIN nomination_status ns ON ns.award_id = ap.award_id AND ns.period_id = ap.period_id
  LEFT JOIN headcounts hc ON ns.entity_kind = 'unit' AND hc.unit_id = ns.entity_id
  WHERE ap.candidates = 'selected' AND ns.status IN ('selected', 'objection_upheld')
),
candidates AS (
  SELECT * FROM standing_candidates UNION ALL SELECT * FROM selected_candidates
),
inputs AS (
  SELECT c.*, e.parent_unit_id,
         -- The quota group: the candidate's ancestor at the quota level (its district), or its value of
         -- the quota attribute (its own, or for a person their unit's); else the ranking's own group
         -- (a ranking within districts gives one list per district); one group otherwise.
         CASE WHEN ap.quota_level IS NOT NULL THEN coalesce(g.ancestor_id, '')
              WHEN ap.quota_attribute IS NOT NULL THEN coalesce(own.value, unit.value, '')
              ELSE coalesce(c.ranking_group, '') END AS quota_group
  FROM candidates c
  JOIN award_periods ap ON ap.award_id = c.award_id AND ap.period_id = c.period_id
  JOIN int_entities e ON e.entity_kind = c.entity_kind AND e.entity_id = c.entity_id
  LEFT JOIN int_unit_ancestors g
    ON g.unit_id = CASE WHEN c.entity_kind = 'staff' THEN e.parent_unit_id ELSE c.entity_id END
   AND g.ancestor_level = ap.quota_level
  LEFT JOIN stg_attributes own
    ON own.entity_kind = c.entity_kind AND own.entity_id = c.entity_id AND own.attribute_id = ap.quota_attribute
  LEFT JOIN stg_attributes unit
    ON c.entity_kind = 'staff' AND unit.entity_kind = 'unit' AND unit.entity_id = e.parent_unit_id AND unit.attribute_id = ap.quota_attribute
)
SELECT c.*,
       award_when(c.award_ord, c) AS matched,
       award_amount(c.award_ord, c) AS raw_amount,
       award_order(c.award_ord, c) AS order_value
FROM inputs c;
