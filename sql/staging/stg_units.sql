-- The English edition shows name_en where the data gives one, and the name otherwise.
SELECT u.unit_id, CASE WHEN c.locale = 'en' AND nullif(trim(u.name_en), '') IS NOT NULL THEN u.name_en ELSE u.name END AS name,
       u.level, l.depth, u.parent_id, u.head_staff_id, u.file_id, u.record_no
FROM typed_units() u JOIN cfg_levels l ON l.level_id = u.level CROSS JOIN cfg_competition c;
