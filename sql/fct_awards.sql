-- Award winners (top places) and penalised entries (bottom places) of each award's ranking and
-- period. Ties at the boundary all qualify, so a list can be longer than its places.
CREATE TABLE fct_awards AS
SELECT a.award_id, a.ord AS award_ord, a.kind, a.places, a.amount, s.*
FROM cfg_awards a
JOIN fct_standings s ON s.ranking_id = a.ranking_id AND s.period_id = a.period_id
WHERE (a.kind = 'award' AND s.rank <= a.places) OR (a.kind = 'penalty' AND s.rank_from_bottom <= a.places);
