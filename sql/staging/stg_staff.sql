-- The English edition shows name_en where the data gives one, and the name otherwise.
SELECT s.staff_id, CASE WHEN c.locale = 'en' AND nullif(trim(s.name_en), '') IS NOT NULL THEN s.name_en ELSE s.name END AS name,
       s.unit_id, s.role, s.employee_no, s.file_id, s.record_no
FROM typed_staff() s CROSS JOIN cfg_competition c;
