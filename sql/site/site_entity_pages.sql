-- One row per entity with everything its page shows, as nested lists. Built as a table (in
-- parallel) and then read back chunk by chunk; a streamed query would run on one thread.
-- The lists are left unordered: ordered aggregates
-- sort every group apart and run out of memory at two million events; the export sorts
-- each entity's short lists instead.
-- Made for one batch of entities at a time ($batch of $batches, by a hash of the entity): list
-- aggregates cannot spill to disk, and every posting of two million events listed at once ran
-- DuckDB out of its 2 GB (docs/scale.md). Each list is filtered before it is aggregated.
CREATE OR REPLACE TABLE site_entity_pages AS
WITH history AS (
  SELECT s.entity_kind, s.entity_id,
         list({'period_id': s.period_id, 'score_id': s.score_id, 'score': s.score::DOUBLE, 'raw_score': s.raw_score::DOUBLE,
               'ranking_id': st.ranking_id, 'rank': st.rank, 'rank_count': st.rank_count, 'rank_change': st.rank_change,
               'next_up_score': st.next_up_score::DOUBLE, 'target_op': st.target_op, 'target_value': st.target_value::DOUBLE,
               'ord': p.ord}) AS history
  -- fct_period_scores with the value before the score's floor or cap, which the page shows beside it.
  FROM (SELECT * FROM int_scores UNION ALL SELECT * FROM int_combined_scores) s
  JOIN cfg_periods p ON p.period_id = s.period_id
  LEFT JOIN site_entity_standings st ON st.period_id = s.period_id AND st.score_id = s.score_id
      AND st.entity_kind = s.entity_kind AND st.entity_id = s.entity_id
  WHERE hash(s.entity_kind, s.entity_id) % $batches::UBIGINT = $batch::UBIGINT
  GROUP BY s.entity_kind, s.entity_id
),
-- The newest $listed postings of each score (site_posting_rows.sql), and for each score with
-- more, how many the page leaves out: a unit every cascade reaches would otherwise list every
-- event of the competition, hundreds of thousands of them.
postings AS (
  SELECT entity_kind, entity_id,
         list({'date': date, 'source_table': source_table, 'source_id': source_id, 'rule_id': rule_id, 'score_id': score_id,
               'points': points, 'role': role, 'via_kind': via_kind, 'via_id': via_id, 'via_name': via_name,
               'source': source, 'note': note, 'multiplier': multiplier, 'repeat': repeat, 'priority': priority,
               'appeal_id': appeal_id, 'appeal_decision': appeal_decision, 'appeal_decided_on': appeal_decided_on}) AS postings,
         list({'score_id': score_id, 'count': in_score - $listed}) FILTER (WHERE nth = 1 AND in_score > $listed) AS unlisted
  FROM site_posting_rows($batch, $batches, $listed, false)
  GROUP BY entity_kind, entity_id
),
ignored AS (
  SELECT CASE WHEN e.staff_id IS NULL THEN 'unit' ELSE 'staff' END AS entity_kind, coalesce(e.staff_id, e.unit_id) AS entity_id,
         list({'date': strftime(e.event_date, '%Y-%m-%d'), 'event_id': e.event_id, 'type': e.type,
               'status': e.status, 'source': e.source, 'appeal_id': ae.appeal_id, 'appeal_decision': ae.appeal_decision,
               'appeal_decided_on': ae.appeal_decided_on}) AS ignored
  FROM stg_events e
  JOIN int_appealed_events ae ON ae.event_id = e.event_id
  WHERE e.event_id NOT IN (SELECT event_id FROM int_counted_events)
    AND hash(CASE WHEN e.staff_id IS NULL THEN 'unit' ELSE 'staff' END, coalesce(e.staff_id, e.unit_id)) % $batches::UBIGINT = $batch::UBIGINT
  GROUP BY ALL
),
fines AS (
  SELECT f.entity_kind, f.entity_id,
         list({'date': strftime(f.fined_on, '%Y-%m-%d'), 'event_id': f.event_id, 'type': f.type_id, 'amount': f.amount::DOUBLE,
               'rule': f.fine_kind, 'points': f.points::DOUBLE, 'rate': f.rate::DOUBLE, 'multiplier': f.multiplier::DOUBLE,
               'appeal_id': f.appeal_id, 'appeal_decision': f.appeal_decision}) AS fines
  FROM int_fines f
  WHERE hash(f.entity_kind, f.entity_id) % $batches::UBIGINT = $batch::UBIGINT
  GROUP BY f.entity_kind, f.entity_id
),
fine_totals AS (
  SELECT entity_kind, entity_id, list({'period_id': period_id, 'ord': period_ord, 'events': events, 'amount': amount::DOUBLE}) AS fine_totals
  FROM fct_fine_totals
  GROUP BY entity_kind, entity_id
),
children AS (
  SELECT 'unit' AS entity_kind, parent_id AS unit_id, list({'id': unit_id, 'name': name, 'level': level}) AS children
  FROM stg_units WHERE parent_id IS NOT NULL GROUP BY parent_id
),
members AS (
  SELECT 'unit' AS entity_kind, unit_id, list({'id': staff_id, 'name': name}) AS members FROM stg_staff GROUP BY unit_id
),
-- Each indicator's or rubric item's points per period (int_composite_parts), for "why this score".
parts AS (
  SELECT entity_kind, entity_id, list({'period_id': period_id, 'score_id': score_id, 'rule_id': rule_id, 'amount': amount}) AS parts
  FROM int_composite_parts
  WHERE hash(entity_kind, entity_id) % $batches::UBIGINT = $batch::UBIGINT
  GROUP BY entity_kind, entity_id
),
-- A unit's heatmap: the scores of its child units and its own staff in every period (the export
-- keeps the periods of each score's chart kind).
below AS (
  SELECT parent_id AS unit_id, 'unit' AS child_kind, unit_id AS child_id FROM stg_units WHERE parent_id IS NOT NULL
  UNION ALL
  SELECT unit_id, 'staff', staff_id FROM stg_staff
),
child_scores AS (
  SELECT 'unit' AS entity_kind, b.unit_id,
         list({'kind': b.child_kind, 'id': b.child_id, 'period_id': s.period_id, 'score_id': s.score_id, 'score': s.score::DOUBLE}) AS child_scores
  FROM below b
  JOIN (SELECT * FROM int_scores UNION ALL SELECT * FROM int_combined_scores) s ON s.entity_kind = b.child_kind AND s.entity_id = b.child_id
  WHERE hash('unit', b.unit_id) % $batches::UBIGINT = $batch::UBIGINT
  GROUP BY b.unit_id
),
ancestors AS (
  SELECT a.unit_id, list({'id': u.unit_id, 'name': u.name, 'distance': a.distance}) AS ancestors
  FROM int_unit_ancestors a JOIN stg_units u ON u.unit_id = a.ancestor_id
  GROUP BY a.unit_id
)
SELECT e.entity_kind, e.entity_id, e.name, e.subject, st.role, st.employee_no,
       e.parent_unit_id, parent.name AS parent_name,
       -- A unit's breadcrumb excludes itself; a person's ends at their own unit.
       CASE WHEN e.entity_kind = 'unit' THEN list_filter(coalesce(an.ancestors, []), x -> x.id <> e.entity_id)
            ELSE coalesce(an.ancestors, []) END AS ancestors,
       u.head_staff_id, head.name AS head_name,
       coalesce(ch.children, []) AS children,
       coalesce(m.members, []) AS members,
       coalesce(h.history, []) AS history,
       coalesce(po.postings, []) AS postings,
       coalesce(po.unlisted, []) AS unlisted,
       coalesce(ig.ignored, []) AS ignored,
       coalesce(fi.fines, []) AS fines,
       coalesce(ft.fine_totals, []) AS fine_totals,
       coalesce(pa.parts, []) AS parts,
       coalesce(cs.child_scores, []) AS child_scores
-- Every join is on equalities only (the kind included), so DuckDB hashes them; a constant
-- condition such as e.entity_kind = 'unit' in a LEFT JOIN turns it into a nested loop.
FROM int_entities e
LEFT JOIN (SELECT 'staff' AS entity_kind, * FROM stg_staff) st ON st.entity_kind = e.entity_kind AND st.staff_id = e.entity_id
LEFT JOIN (SELECT 'unit' AS entity_kind, * FROM stg_units) u ON u.entity_kind = e.entity_kind AND u.unit_id = e.entity_id
LEFT JOIN stg_staff head ON head.staff_id = u.head_staff_id
LEFT JOIN stg_units parent ON parent.unit_id = e.parent_unit_id
LEFT JOIN ancestors an ON an.unit_id = CASE WHEN e.entity_kind = 'unit' THEN e.entity_id ELSE e.parent_unit_id END
LEFT JOIN children ch ON ch.entity_kind = e.entity_kind AND ch.unit_id = e.entity_id
LEFT JOIN members m ON m.entity_kind = e.entity_kind AND m.unit_id = e.entity_id
LEFT JOIN history h ON h.entity_kind = e.entity_kind AND h.entity_id = e.entity_id
LEFT JOIN postings po ON po.entity_kind = e.entity_kind AND po.entity_id = e.entity_id
LEFT JOIN ignored ig ON ig.entity_kind = e.entity_kind AND ig.entity_id = e.entity_id
LEFT JOIN fines fi ON fi.entity_kind = e.entity_kind AND fi.entity_id = e.entity_id
LEFT JOIN fine_totals ft ON ft.entity_kind = e.entity_kind AND ft.entity_id = e.entity_id
LEFT JOIN parts pa ON pa.entity_kind = e.entity_kind AND pa.entity_id = e.entity_id
LEFT JOIN child_scores cs ON cs.entity_kind = e.entity_kind AND cs.unit_id = e.entity_id
WHERE hash(e.entity_kind, e.entity_id) % $batches::UBIGINT = $batch::UBIGINT;
