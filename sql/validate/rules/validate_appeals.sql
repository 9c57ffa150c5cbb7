-- Appeals (申诉): each names an event and a decision; an adjusted decision says what changes.
-- The rules of the appeals table that span rows or read the config; each cell on its own, and the
-- uniqueness of the table's IDs, are checked by the SQL generated from src/config/tables.ts.
INSERT INTO validation_errors
WITH a AS (SELECT *, as_date(date) AS d, as_number(points) AS p, as_number(amount) AS m FROM raw_appeals)
SELECT 'appeals', file_id, record_no, 'decided_on', 'a decision date on or after the appeal date ' || date, quoted(decided_on)
FROM a WHERE as_date(decided_on) < d
UNION ALL
SELECT 'appeals', file_id, record_no, 'decided_on', 'a decision date on or before ' || strftime(late_records_end(), '%Y-%m-%d') || ' (90 days after the competition)', quoted(decided_on)
FROM a WHERE as_date(decided_on) > late_records_end()
UNION ALL
-- An appeal follows its event: one dated before it, or long after the competition, is a typo.
SELECT 'appeals', a.file_id, a.record_no, 'date',
       'a date from the event''s date ' || e.date || ' to ' || strftime(late_records_end(), '%Y-%m-%d') || ' (90 days after the competition)', quoted(a.date)
FROM a JOIN raw_events e ON e.event_id = a.event_id
WHERE a.d < as_date(e.date) OR a.d > late_records_end()
UNION ALL
SELECT 'appeals', file_id, record_no, 'points', 'the new points or amount of an adjusted decision', 'both empty'
FROM a WHERE decision = 'adjusted' AND points IS NULL AND amount IS NULL
UNION ALL
-- Only an adjusted decision changes points or amounts; a value beside another decision would be ignored.
SELECT 'appeals', file_id, record_no, CASE WHEN points IS NOT NULL THEN 'points' ELSE 'amount' END,
       'empty points and amount: only an adjusted decision sets them', 'a value with decision ' || quoted(decision)
FROM a WHERE decision IN ('upheld', 'rejected', 'pending') AND (points IS NOT NULL OR amount IS NOT NULL)
UNION ALL
-- An adjustment stays inside the event type's own limits, like the event itself.
SELECT 'appeals', a.file_id, a.record_no, 'points',
       'points from ' || number_text(t.min_points) || ' to ' || number_text(t.max_points) || ' for type "' || t.type_id || '"', quoted(a.points)
FROM a JOIN raw_events e ON e.event_id = a.event_id JOIN cfg_event_types t ON t.type_id = e.type
WHERE a.decision = 'adjusted' AND t.fixed_points IS NULL AND (a.p < t.min_points OR a.p > t.max_points)
UNION ALL
SELECT 'appeals', a.file_id, a.record_no, 'points', 'an empty value: type "' || t.type_id || '" has no points (a fine only)', quoted(a.points)
FROM a JOIN raw_events e ON e.event_id = a.event_id JOIN cfg_event_types t ON t.type_id = e.type
WHERE a.decision = 'adjusted' AND t.score_id IS NULL AND a.points IS NOT NULL
UNION ALL
SELECT 'appeals', a.file_id, a.record_no, 'amount',
       'a fine from ' || number_text(f.min_amount) || ' to ' || number_text(f.max_amount) || ' 元 for type "' || f.type_id || '"', quoted(a.amount)
FROM a JOIN raw_events e ON e.event_id = a.event_id JOIN cfg_fines f ON f.type_id = e.type
WHERE a.decision = 'adjusted' AND f.kind = 'range' AND (a.m < f.min_amount OR a.m > f.max_amount)
UNION ALL
-- One decision per event: a second decided appeal would leave it open which decision stands.
SELECT 'appeals', file_id, record_no, 'event_id', 'one decided appeal per event (correct the first instead)',
       'a second decided appeal on event ' || quoted(event_id)
FROM (SELECT *, row_number() OVER (PARTITION BY event_id ORDER BY file_id, record_no) AS nth
      FROM a WHERE event_id IS NOT NULL AND decision IN ('upheld', 'rejected', 'adjusted'))
WHERE nth > 1;
