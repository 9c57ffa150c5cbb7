-- One row per entity with everything its page shows, as nested lists, ordered so that the
-- export can stream it in chunks.
WITH history AS (
  SELECT s.entity_kind, s.entity_id,
         list({'period_id': s.period_id, 'score_id': s.score_id, 'score': s.score::DOUBLE,
               'rank': st.rank, 'rank_count': st.rank_count} ORDER BY p.ord, s.score_id) AS history
  FROM fct_period_scores s
  JOIN cfg_periods p ON p.period_id = s.period_id
  LEFT JOIN (
    -- The rank shown beside a score comes from the first configured ranking across the competition.
    SELECT st.*, row_number() OVER (PARTITION BY st.period_id, st.score_id, st.entity_kind, st.entity_id ORDER BY r.ord) AS pick
    FROM fct_standings st JOIN cfg_rankings r ON r.ranking_id = st.ranking_id
    WHERE r.within_level IS NULL
  ) st ON st.pick = 1 AND st.period_id = s.period_id AND st.score_id = s.score_id
      AND st.entity_kind = s.entity_kind AND st.entity_id = s.entity_id
  GROUP BY s.entity_kind, s.entity_id
),
postings AS (
  SELECT po.entity_kind, po.entity_id,
         list({'date': strftime(po.posted_on, '%Y-%m-%d'), 'source_table': po.source_table, 'source_id': po.source_id,
               'rule_id': po.rule_id, 'score_id': po.score_id, 'points': po.points::DOUBLE, 'role': po.role,
               'via_kind': po.via_kind, 'via_id': po.via_id, 'via_name': via.name,
               'source': coalesce(ev.source, ''), 'note': coalesce(ev.note, '')}
              ORDER BY po.posted_on DESC, po.source_id, po.role) AS postings
  FROM int_postings po
  LEFT JOIN stg_events ev ON po.source_table = 'events' AND ev.event_id = po.source_id
  LEFT JOIN int_entities via ON via.entity_kind = po.via_kind AND via.entity_id = po.via_id
  GROUP BY po.entity_kind, po.entity_id
),
ignored AS (
  SELECT CASE WHEN e.staff_id IS NULL THEN 'unit' ELSE 'staff' END AS entity_kind, coalesce(e.staff_id, e.unit_id) AS entity_id,
         list({'date': strftime(e.event_date, '%Y-%m-%d'), 'event_id': e.event_id, 'type': e.type,
               'status': e.status, 'source': e.source} ORDER BY e.event_date DESC, e.event_id) AS ignored
  FROM stg_events e
  WHERE e.event_id NOT IN (SELECT event_id FROM int_counted_events)
  GROUP BY ALL
),
children AS (
  SELECT parent_id AS unit_id, list({'id': unit_id, 'name': name, 'level': level} ORDER BY unit_id) AS children
  FROM stg_units WHERE parent_id IS NOT NULL GROUP BY parent_id
),
members AS (
  SELECT unit_id, list({'id': staff_id, 'name': name} ORDER BY staff_id) AS members FROM stg_staff GROUP BY unit_id
),
ancestors AS (
  SELECT a.unit_id, list({'id': u.unit_id, 'name': u.name} ORDER BY a.distance DESC) AS ancestors
  FROM int_unit_ancestors a JOIN stg_units u ON u.unit_id = a.ancestor_id
  GROUP BY a.unit_id
)
SELECT e.entity_kind, e.entity_id, e.name, e.subject, st.role,
       e.parent_unit_id, parent.name AS parent_name,
       -- A unit's breadcrumb excludes itself; a person's ends at their own unit.
       CASE WHEN e.entity_kind = 'unit' THEN list_filter(coalesce(an.ancestors, []), x -> x.id <> e.entity_id)
            ELSE coalesce(an.ancestors, []) END AS ancestors,
       u.head_staff_id, head.name AS head_name,
       coalesce(ch.children, []) AS children,
       CASE WHEN e.entity_kind = 'unit' THEN coalesce(m.members, []) ELSE [] END AS members,
       coalesce(h.history, []) AS history,
       coalesce(po.postings, []) AS postings,
       coalesce(ig.ignored, []) AS ignored
FROM int_entities e
LEFT JOIN stg_staff st ON e.entity_kind = 'staff' AND st.staff_id = e.entity_id
LEFT JOIN stg_units u ON e.entity_kind = 'unit' AND u.unit_id = e.entity_id
LEFT JOIN stg_staff head ON head.staff_id = u.head_staff_id
LEFT JOIN stg_units parent ON parent.unit_id = e.parent_unit_id
LEFT JOIN ancestors an ON an.unit_id = CASE WHEN e.entity_kind = 'unit' THEN e.entity_id ELSE e.parent_unit_id END
LEFT JOIN children ch ON e.entity_kind = 'unit' AND ch.unit_id = e.entity_id
LEFT JOIN members m ON m.unit_id = e.entity_id
LEFT JOIN history h ON h.entity_kind = e.entity_kind AND h.entity_id = e.entity_id
LEFT JOIN postings po ON po.entity_kind = e.entity_kind AND po.entity_id = e.entity_id
LEFT JOIN ignored ig ON ig.entity_kind = e.entity_kind AND ig.entity_id = e.entity_id
ORDER BY e.entity_kind, e.entity_id;
