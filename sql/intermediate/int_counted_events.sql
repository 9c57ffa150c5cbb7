-- Events that move a score: verified ones, and any event of a type that needs no verification,
-- unless an upheld appeal withdrew them. Each carries its multiplier (S5 加倍考核): the second and
-- later events of the same type, subject and problem code inside one period of the repeat rule's
-- kind are repeats; a priority item has its own multiplier; when both apply the type's
-- combine_multipliers (max or product) decides. Events of fine-only types are counted too (their
-- fines and repeats need them); they have no score_id and post nothing (int_postings).
WITH counted AS (
  SELECT ae.*, t.score_id, t.sign
  FROM int_appealed_events ae
  JOIN cfg_event_types t ON t.type_id = ae.type
  WHERE NOT ae.withdrawn AND (ae.status = 'verified' OR NOT t.verified_only)
),
-- The period of the repeat rule's kind that holds the event ('competition': the whole of it).
-- Overlapping custom periods take the first by ID, so the choice is stable.
repeat_windows AS (
  SELECT c.event_id, CASE WHEN m.repeat_within = 'competition' THEN 'competition' ELSE min(p.period_id) END AS window_id
  FROM counted c
  JOIN cfg_event_multipliers m ON m.type_id = c.type AND m.repeat_within IS NOT NULL
  LEFT JOIN cfg_periods p ON p.kind = m.repeat_within AND c.event_date BETWEEN p.start_date AND p.end_date
  GROUP BY c.event_id, m.repeat_within
),
-- Only events with a problem code inside a repeat window can be repeats; numbering just those
-- keeps the sort off the millions of events that have neither.
repeats AS (
  SELECT c.event_id, w.window_id,
         row_number() OVER (PARTITION BY c.type, c.subject_kind, c.subject_id, c.problem, w.window_id
                            ORDER BY c.event_date, c.event_id) > 1 AS is_repeat
  FROM counted c
  JOIN repeat_windows w ON w.event_id = c.event_id
  -- Without a problem code nothing says two events are the same problem.
  WHERE c.problem IS NOT NULL AND w.window_id IS NOT NULL
),
ordered AS (
  SELECT c.*, r.window_id, coalesce(r.is_repeat, false) AS is_repeat
  FROM counted c
  LEFT JOIN repeats r ON r.event_id = c.event_id
),
factored AS (
  SELECT o.*,
         CASE WHEN o.is_repeat THEN coalesce(m.repeat_multiplier, 1) ELSE 1 END::DECIMAL(18, 6) AS repeat_factor,
         CASE WHEN o.priority THEN coalesce(m.priority_multiplier, 1) ELSE 1 END::DECIMAL(18, 6) AS priority_factor,
         m.combine
  FROM ordered o
  JOIN cfg_event_multipliers m ON m.type_id = o.type
)
SELECT * EXCLUDE (combine),
       CASE WHEN repeat_factor <> 1 AND priority_factor <> 1 AND combine = 'max' THEN greatest(repeat_factor, priority_factor)
            ELSE repeat_factor * priority_factor END::DECIMAL(18, 6) AS multiplier
FROM factored;
