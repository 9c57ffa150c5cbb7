SELECT survey_id, date AS survey_date, unit_id, satisfied, neutral, unsatisfied
FROM typed_surveys();
