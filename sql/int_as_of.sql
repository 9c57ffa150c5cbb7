-- The data date: the newest record of any kind. Periods after it have not started; periods
-- that end after it are provisional. Taken from the data, never from the clock, so builds repeat.
CREATE TABLE int_as_of AS
SELECT least(
         coalesce(greatest(
           (SELECT max(event_date) FROM stg_events), (SELECT max(survey_date) FROM stg_surveys),
           (SELECT max(check_date) FROM stg_checks), (SELECT max(inspection_date) FROM stg_inspections),
           (SELECT max(metric_date) FROM stg_metrics)),
           c.start_date),
         c.end_date) AS as_of
FROM cfg_competition c;
