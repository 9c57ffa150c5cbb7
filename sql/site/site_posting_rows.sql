-- The postings an entity page lists (ledger entries and tally entries), with what the page shows
-- of each, for one batch of entities ($batch of $batches, by a hash of the entity, as
-- site_entity_pages.sql). The postings of a score over the bound are numbered newest first, the
-- order the page and the CSV show them in (the same keys as the export's sort, down to a total
-- order):
--   whole = false: the first `listed` of each entity's score, the ones its page lists;
--   whole = true: every posting of the entities with a score over `listed`, for their CSV.
-- Chosen before the joins, so that only the rows kept are joined to their events. Each row
-- carries its score's count (`in_score`), from which the page says how many it leaves out, and
-- in a score over the bound its place (`nth`, from 1).
CREATE OR REPLACE TEMP MACRO site_posting_rows(batch_no, batch_count, listed, whole) AS TABLE
WITH postings AS (
  SELECT * FROM int_postings WHERE hash(entity_kind, entity_id) % batch_count::UBIGINT = batch_no::UBIGINT
  UNION ALL
  -- An event_tally score's entries: each event with what it added to the tally.
  SELECT 'events', event_id, event_date, score_id, entity_kind, entity_id, 'tally', NULL, NULL, contribution, type
  FROM int_tally_events WHERE hash(entity_kind, entity_id) % batch_count::UBIGINT = batch_no::UBIGINT
),
counted AS (
  SELECT po.*, n.in_score
  FROM postings po
  JOIN (SELECT entity_kind, entity_id, score_id, count(*) AS in_score FROM postings GROUP BY ALL) n
    ON n.entity_kind = po.entity_kind AND n.entity_id = po.entity_id AND n.score_id = po.score_id
),
-- Only a score over the bound has its postings numbered (a sort), and only for its page.
kept AS (
  SELECT *, NULL::BIGINT AS nth FROM counted WHERE NOT whole AND in_score <= listed
  UNION ALL
  SELECT * FROM (
    SELECT *, row_number() OVER (PARTITION BY entity_kind, entity_id, score_id
                                 ORDER BY posted_on DESC, source_id, role, source_table, rule_id,
                                          via_kind NULLS FIRST, via_id NULLS FIRST, points) AS nth
    FROM counted WHERE NOT whole AND in_score > listed
  ) WHERE nth <= listed
  UNION ALL
  SELECT c.*, NULL FROM counted c
  SEMI JOIN (SELECT entity_kind, entity_id FROM counted WHERE in_score > listed) o ON o.entity_kind = c.entity_kind AND o.entity_id = c.entity_id
  WHERE whole
)
SELECT po.entity_kind, po.entity_id, po.nth, po.in_score,
       strftime(po.posted_on, '%Y-%m-%d') AS date, po.source_table, po.source_id, po.rule_id, po.score_id,
       po.points::DOUBLE AS points, po.role, po.via_kind, po.via_id, via.name AS via_name,
       CASE WHEN po.source_table = 'events' THEN ev.source ELSE '' END AS source,
       CASE WHEN po.source_table = 'events' THEN ev.note ELSE '' END AS note,
       -- A tally counts events before multipliers, so its entries show none.
       CASE WHEN po.source_table = 'events' AND po.role <> 'tally' THEN ce.multiplier::DOUBLE END AS multiplier,
       CASE WHEN po.source_table = 'events' AND po.role <> 'tally' THEN ce.is_repeat END AS repeat,
       CASE WHEN po.source_table = 'events' AND po.role <> 'tally' THEN ce.priority END AS priority,
       CASE WHEN po.source_table = 'events' THEN ae.appeal_id END AS appeal_id,
       CASE WHEN po.source_table = 'events' THEN ae.appeal_decision END AS appeal_decision,
       CASE WHEN po.source_table = 'events' THEN ae.appeal_decided_on END AS appeal_decided_on
FROM kept po
-- Joined on the ID alone (a constant in the join condition would defeat the hash join);
-- the CASEs above keep survey postings from borrowing an event's text.
LEFT JOIN stg_events ev ON ev.event_id = po.source_id
LEFT JOIN int_counted_events ce ON ce.event_id = po.source_id
LEFT JOIN int_appealed_events ae ON ae.event_id = po.source_id
LEFT JOIN int_entities via ON via.entity_kind = po.via_kind AND via.entity_id = po.via_id;
