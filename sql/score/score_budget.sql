-- What scoring and export would lay out, counted before they start: every period times every
-- entity a score applies to (the period scores that standings, entity pages and exports are built
-- from), and every ranking page times the periods it links to (each page lists its ranking's
-- periods, so this grows with the square of the periods), and each award's standings times the
-- award's periods (a standing's history counts the earlier periods of its kind: a square too), and
-- every hour slot an hourly inspection cadence checks (slots a day × competition days × units).
WITH subjects AS (
  SELECT level AS subject FROM raw_units
  UNION ALL
  SELECT 'staff' FROM raw_staff
),
ranking_pages AS (
  SELECT count(*) AS pages FROM cfg_ranking_periods GROUP BY ranking_id
),
award_periods AS (
  SELECT count(*) AS periods, any_value(r.subject) AS subject
  FROM cfg_award_periods ap
  JOIN cfg_awards a ON a.award_id = ap.award_id
  JOIN cfg_rankings r ON r.ranking_id = a.ranking_id
  GROUP BY ap.award_id
)
SELECT (SELECT count(*) FROM cfg_periods)::BIGINT AS periods,
       (SELECT count(*) FROM cfg_score_subjects ss JOIN subjects s ON s.subject = ss.subject)::BIGINT AS scored_entities,
       coalesce((SELECT sum(pages) FROM ranking_pages), 0)::BIGINT AS ranking_pages,
       coalesce((SELECT sum(pages * pages) FROM ranking_pages), 0)::BIGINT AS ranking_page_links,
       coalesce((SELECT sum(a.periods * a.periods * (SELECT count(*) FROM subjects s WHERE s.subject = a.subject)) FROM award_periods a), 0)::BIGINT AS award_history,
       coalesce((SELECT sum(h.slots * (c.end_date - c.start_date + 1) * (SELECT count(*) FROM raw_units u WHERE u.level = h.level_id))
                 FROM cfg_hourly_cadences h CROSS JOIN cfg_competition c), 0)::BIGINT AS cadence_slots;
