-- How many postings the entity pages list (ledger and tally entries, at most $listed per score of
-- an entity, as site_posting_rows.sql keeps them), which sets how many batches
-- site_entity_pages.sql is made in: what a batch holds in its lists, not what the entities have.
SELECT coalesce(sum(least(in_score, $listed)), 0) AS list_rows
FROM (
  SELECT count(*) AS in_score
  FROM (SELECT entity_kind, entity_id, score_id FROM int_postings UNION ALL SELECT entity_kind, entity_id, score_id FROM int_tally_events)
  GROUP BY entity_kind, entity_id, score_id
);
