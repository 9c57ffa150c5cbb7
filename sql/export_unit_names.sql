SELECT unit_id, name, level FROM stg_units ORDER BY unit_id;
