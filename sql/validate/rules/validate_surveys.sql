-- The rules of the surveys table that span rows or read the config; each cell on its own is checked
-- by the SQL generated from src/pipeline/tables.ts.
INSERT INTO validation_errors
SELECT 'surveys', file_id, record_no, 'survey_id', 'a survey_id used once', again_found(survey_id, first_id)
FROM (SELECT *, row_number() OVER (PARTITION BY lower(survey_id) ORDER BY file_id, record_no) AS nth,
             first_value(survey_id) OVER (PARTITION BY lower(survey_id) ORDER BY file_id, record_no) AS first_id FROM raw_surveys WHERE survey_id IS NOT NULL) WHERE nth > 1
UNION ALL
-- Survey points go to the surveyed unit, so its level must be one the survey score applies to.
SELECT 'surveys', s.file_id, s.record_no, 'unit_id',
       'a unit that score "' || p.score_id || '" applies to (' || (SELECT string_agg(subject, ', ' ORDER BY subject) FROM cfg_score_subjects ss WHERE ss.score_id = p.score_id) || ')',
       'unit ' || quoted(s.unit_id) || ' at level "' || u.level || '"'
FROM raw_surveys s CROSS JOIN cfg_survey_points p JOIN raw_units u ON u.unit_id = s.unit_id
WHERE u.level NOT IN (SELECT subject FROM cfg_score_subjects ss WHERE ss.score_id = p.score_id);
