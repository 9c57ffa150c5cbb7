INSERT INTO validation_errors
WITH s AS (SELECT *, as_date(date) AS d FROM raw_surveys)
SELECT 'surveys', file_id, record_no, 'survey_id', id_expected(), quoted(survey_id) FROM s WHERE survey_id IS NULL OR bad_id(survey_id)
UNION ALL
SELECT 'surveys', file_id, record_no, 'survey_id', 'a survey_id used once', again_found(survey_id, first_id)
FROM (SELECT *, row_number() OVER (PARTITION BY lower(survey_id) ORDER BY file_id, record_no) AS nth,
             first_value(survey_id) OVER (PARTITION BY lower(survey_id) ORDER BY file_id, record_no) AS first_id FROM s WHERE survey_id IS NOT NULL) WHERE nth > 1
UNION ALL
SELECT 'surveys', file_id, record_no, 'date', 'a date written YYYY-MM-DD', date_found(date, 'surveys', 'date') FROM s WHERE d IS NULL
UNION ALL
SELECT 'surveys', file_id, record_no, 'date', competition_span(), quoted(date) FROM s WHERE outside_competition(d)
UNION ALL
SELECT 'surveys', file_id, record_no, 'unit_id', 'a unit_id from the units table', unknown_unit_found(unit_id)
FROM s WHERE unknown_unit(unit_id)
UNION ALL
SELECT 'surveys', file_id, record_no, column_name, 'a whole number of customers, 0 or more', quoted(value)
FROM (UNPIVOT (SELECT file_id, record_no, satisfied, neutral, unsatisfied FROM s) ON satisfied, neutral, unsatisfied INTO NAME column_name VALUE value)
WHERE bad_count(value)
UNION ALL
SELECT 'surveys', file_id, record_no, 'satisfied', 'counts in all three columns', 'an empty value'
FROM s WHERE satisfied IS NULL OR neutral IS NULL OR unsatisfied IS NULL
UNION ALL
-- Survey points go to the surveyed unit, so its level must be one the survey score applies to.
SELECT 'surveys', s.file_id, s.record_no, 'unit_id',
       'a unit that score "' || p.score_id || '" applies to (' || (SELECT string_agg(subject, ', ' ORDER BY subject) FROM cfg_score_subjects ss WHERE ss.score_id = p.score_id) || ')',
       'unit ' || quoted(s.unit_id) || ' at level "' || u.level || '"'
FROM s CROSS JOIN cfg_survey_points p JOIN raw_units u ON u.unit_id = s.unit_id
WHERE u.level NOT IN (SELECT subject FROM cfg_score_subjects ss WHERE ss.score_id = p.score_id);
