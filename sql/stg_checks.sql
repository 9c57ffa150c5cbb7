CREATE TABLE stg_checks AS
SELECT check_id, as_date(date) AS check_date, unit_id, kind, as_number(score) AS score,
       coalesce(checker, '') AS checker, coalesce(signed_by, '') AS signed_by
FROM raw_checks;
