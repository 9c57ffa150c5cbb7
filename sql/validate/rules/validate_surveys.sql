-- The rules of the surveys table that span rows or read the config; each cell on its own, and the
-- uniqueness of the table's IDs, are checked by the SQL generated from src/config/tables.ts.
INSERT INTO validation_errors
-- Survey points go to the surveyed unit, so its level must be one the survey score applies to.
SELECT 'surveys', s.file_id, s.record_no, 'unit_id',
       'a unit that score "' || p.score_id || '" applies to (' || (SELECT string_agg(subject, ', ' ORDER BY subject) FROM cfg_score_subjects ss WHERE ss.score_id = p.score_id) || ')',
       'unit ' || quoted(s.unit_id) || ' at level "' || u.level || '"'
FROM raw_surveys s CROSS JOIN cfg_survey_points p JOIN raw_units u ON u.unit_id = s.unit_id
WHERE u.level NOT IN (SELECT subject FROM cfg_score_subjects ss WHERE ss.score_id = p.score_id);
