SELECT event_id, date AS event_date, type, unit_id, staff_id, points, status, source, note, amount, problem, priority,
       file_id, record_no
FROM typed_events();
