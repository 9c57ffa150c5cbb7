-- Every check with its sign-off (S3 验收签字), and the person it scored when it names one.
SELECT c.check_id AS id, strftime(c.check_date, '%Y-%m-%d') AS date, c.unit_id, c.kind, c.score::DOUBLE AS score,
       c.checker, c.signed_by, s.name AS staff_name
FROM stg_checks c
LEFT JOIN stg_staff s ON s.staff_id = c.staff_id
ORDER BY c.check_date, c.check_id;
