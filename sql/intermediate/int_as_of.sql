-- The data date (as_of): the newest record of any kind, or closed_through when that is later.
-- Periods after it have not started. A period is final once it ends on or before closed_through:
-- the config's date, or the data date when the config gives none; later periods are provisional.
-- Taken from the data and the config, never from the clock, so builds repeat.
WITH dated AS (
  SELECT least(
           greatest(
             coalesce(greatest(
               (SELECT max(event_date) FROM stg_events), (SELECT max(survey_date) FROM stg_surveys),
               (SELECT max(check_date) FROM stg_checks), (SELECT max(inspection_date) FROM stg_inspections),
               (SELECT max(metric_date) FROM stg_metrics)),
               c.start_date),
             c.closed_through),
           c.end_date) AS as_of,
         c.closed_through
  FROM cfg_competition c
)
SELECT as_of, coalesce(closed_through, as_of) AS closed_through FROM dated;
