SELECT survey_id, as_date(date) AS survey_date, unit_id,
       satisfied::INTEGER AS satisfied, neutral::INTEGER AS neutral, unsatisfied::INTEGER AS unsatisfied
FROM raw_surveys;
