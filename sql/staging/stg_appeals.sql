SELECT appeal_id, event_id, date AS appeal_date, decision, points, amount, decided_on, note
FROM typed_appeals();
