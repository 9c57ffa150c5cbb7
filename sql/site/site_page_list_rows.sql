-- How many records the entity pages list (postings and tally entries), which sets how many
-- batches site_entity_pages.sql is made in.
SELECT (SELECT count(*) FROM int_postings) + (SELECT count(*) FROM int_tally_events) AS list_rows;
