-- The periods that have started by the data date; span periods are scored from records,
-- combined ones are carried from their parts in fct_period_scores.
SELECT p.* FROM cfg_periods p, int_as_of WHERE p.start_date <= int_as_of.as_of;
