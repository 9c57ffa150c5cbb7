SELECT appeal_id, event_id, as_date(date) AS appeal_date, decision, as_number(points) AS points,
       as_number(amount)::DECIMAL(18, 2) AS amount, as_date(decided_on) AS decided_on, coalesce(note, '') AS note
FROM raw_appeals;
