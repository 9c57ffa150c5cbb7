-- What scoring and export would lay out, counted before they start: every period times every
-- entity a score applies to (the period scores that standings, entity pages and exports are built
-- from), and every ranking page times the periods it links to (each page lists its ranking's
-- periods, so this grows with the square of the periods).
WITH subjects AS (
  SELECT level AS subject FROM raw_units
  UNION ALL
  SELECT 'staff' FROM raw_staff
),
ranking_pages AS (
  SELECT count(*) AS pages FROM cfg_ranking_periods GROUP BY ranking_id
)
SELECT (SELECT count(*) FROM cfg_periods)::BIGINT AS periods,
       (SELECT count(*) FROM cfg_score_subjects ss JOIN subjects s ON s.subject = ss.subject)::BIGINT AS scored_entities,
       coalesce((SELECT sum(pages) FROM ranking_pages), 0)::BIGINT AS ranking_pages,
       coalesce((SELECT sum(pages * pages) FROM ranking_pages), 0)::BIGINT AS ranking_page_links;
