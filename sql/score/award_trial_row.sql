-- Candidate number $rn of award_trial_rows, and how many there are.
SELECT period_id, entity_kind, entity_id, (SELECT count(*) FROM award_trial_rows)::INTEGER AS candidates
FROM award_trial_rows WHERE rn = $rn;
