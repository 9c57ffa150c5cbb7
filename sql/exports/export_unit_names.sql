SELECT unit_id, name, level, parent_id FROM stg_units ORDER BY unit_id;
