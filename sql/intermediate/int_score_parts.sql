-- podium: view
-- Every part of every score, for each entity, span period, score and rule: the amount it
-- contributed, and the sorted IDs of the records behind it, except for the parts read straight
-- from records (`from_records`), whose IDs int_base_part_records lists and only the audit trail
-- (fct_score_parts) reads. The scores read from records (ledger, check average, event tally,
-- metric) are the sums of their parts, int_base_parts; an indicators or
-- rubric score's are int_composite_parts. A ratio: its numerator and denominator. A score kept
-- within its floor or cap: a 'floor' or 'cap' row of the difference.
-- A combined period (the year = ½ H1 + ½ H2): one row per part period, 'period:<part>', weight ×
-- the part's score, its source the part period (whose own rows hold the records); they add up to it.
-- A view: its contract reads the amounts, the export the IDs, each once.
WITH ratio_parts AS (
  -- A ratio's numerator and denominator sums, with the records behind them.
  SELECT v.period_id, r.score_id, v.entity_kind, v.entity_id, term.rule_id, v.value AS amount, v.source_ids
  FROM cfg_ratio_scores r
  CROSS JOIN LATERAL (VALUES (r.numerator_rule, r.numerator_key), (r.denominator_rule, r.denominator_key)) term(rule_id, source_key)
  JOIN int_source_values v ON v.source_key = term.source_key
  JOIN fct_period_scores s ON s.period_id = v.period_id AND s.score_id = r.score_id AND s.entity_kind = v.entity_kind AND s.entity_id = v.entity_id
),
-- What a score's floor or cap took away or added: with it the parts of an additive score add up to the score.
bounds AS (
  SELECT period_id, score_id, entity_kind, entity_id, CASE WHEN score > raw_score THEN 'floor' ELSE 'cap' END AS rule_id,
         (score - raw_score)::DOUBLE AS amount, []::VARCHAR[] AS source_ids
  FROM (SELECT * FROM int_scores UNION ALL SELECT * FROM int_combined_scores)
  WHERE score <> raw_score
),
-- Only combined periods that have a score (it needs all of its parts).
combined_parts AS (
  SELECT pp.period_id, part.score_id, part.entity_kind, part.entity_id, 'period:' || pp.part_id AS rule_id,
         (pp.weight * part.score)::DOUBLE AS amount, [pp.part_id] AS source_ids
  FROM cfg_period_parts pp
  JOIN int_combined_scores whole ON whole.period_id = pp.period_id
  JOIN int_scores part ON part.period_id = pp.part_id AND part.score_id = whole.score_id
   AND part.entity_kind = whole.entity_kind AND part.entity_id = whole.entity_id
)
SELECT *, NULL::VARCHAR[] AS source_ids, true AS from_records FROM int_base_parts
UNION ALL SELECT *, false FROM ratio_parts
UNION ALL SELECT period_id, score_id, entity_kind, entity_id, rule_id, amount, source_ids, false FROM int_composite_parts
UNION ALL SELECT *, false FROM combined_parts
UNION ALL SELECT *, false FROM bounds;
