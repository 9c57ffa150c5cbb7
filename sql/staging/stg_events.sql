SELECT event_id, as_date(date) AS event_date, type, unit_id, staff_id, as_number(points) AS points,
       status, coalesce(source, '') AS source, coalesce(note, '') AS note,
       as_number(amount)::DECIMAL(18, 2) AS amount, problem, coalesce(priority = 'yes', false) AS priority,
       file_id, record_no
FROM raw_events;
