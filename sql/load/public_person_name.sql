-- How the public edition shows a person's name (public.staff_names), for the typed columns the
-- column spec marks as naming a person (src/pipeline/table-sql.ts). Names never decide a score or
-- a rank. policy: masked (张*三: first and last character kept) | omitted (the person's code
-- instead, '*' when the record has none). A blank name stays blank, so an empty sign-off stays
-- empty and an empty name_en still falls back to the name.
CREATE OR REPLACE MACRO public_person_name(person, code, policy) AS
  CASE
    WHEN trim(person) = '' THEN person
    WHEN policy = 'omitted' THEN coalesce(nullif(code, ''), '*')
    WHEN length(person) <= 2 THEN person[1] || '*'
    ELSE person[1] || repeat('*', length(person) - 2) || person[length(person)]
  END;
