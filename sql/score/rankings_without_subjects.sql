-- Rankings that rank no one: the data hold no unit at their level (or no staff). Such a ranking
-- publishes no page, so the build notes it rather than leaving it out unsaid.
SELECT r.ranking_id, r.subject
FROM cfg_rankings r
WHERE NOT EXISTS (SELECT 1 FROM fct_standings s WHERE s.ranking_id = r.ranking_id)
ORDER BY r.ord;
