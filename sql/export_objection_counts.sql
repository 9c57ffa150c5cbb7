-- How many objections each award list drew, and how many are decided: all a notice may say of
-- them (never who raised one or what it said).
SELECT award_id, period_id, count(*)::INTEGER AS received, count(decision)::INTEGER AS resolved,
       count(*) FILTER (WHERE decision = 'upheld')::INTEGER AS upheld
FROM stg_objections
GROUP BY award_id, period_id
ORDER BY award_id, period_id;
