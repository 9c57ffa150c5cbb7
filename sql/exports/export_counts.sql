SELECT (SELECT count(*) FROM stg_units)::INTEGER AS units, (SELECT count(*) FROM stg_staff)::INTEGER AS staff,
       (SELECT count(*) FROM stg_events)::INTEGER AS events;
