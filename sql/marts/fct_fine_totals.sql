-- Fines per live period (any period with dates: money adds up by date, so a year carried from
-- its halves holds the fines dated inside it) and entity.
SELECT p.period_id, p.ord AS period_ord, f.entity_kind, f.entity_id, count(*)::INTEGER AS events, sum(f.amount)::DECIMAL(18, 2) AS amount
FROM cfg_periods p
CROSS JOIN int_as_of
JOIN int_fines f ON f.fined_on BETWEEN p.start_date AND p.end_date
WHERE p.start_date <= int_as_of.as_of
GROUP BY p.period_id, p.ord, f.entity_kind, f.entity_id;
