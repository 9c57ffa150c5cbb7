-- podium: operation, when public edition
-- The public edition (audience: public): internal columns and what config.public withholds are
-- blanked in the staged tables before anything is scored, checked or exported, so no page,
-- download or finding built from them can carry them. Names never decide a score or a rank.
-- $names: full | masked (张*三: first and last character kept) | omitted (the staff code instead).
CREATE OR REPLACE MACRO public_person_name(person, code, policy) AS
  CASE
    WHEN policy = 'full' OR person = '' THEN person
    WHEN policy = 'omitted' THEN coalesce(nullif(code, ''), '*')
    WHEN length(person) <= 2 THEN person[1] || '*'
    ELSE person[1] || repeat('*', length(person) - 2) || person[length(person)]
  END;
UPDATE stg_staff SET name = public_person_name(name, staff_id, $names), employee_no = NULL;
-- Checkers, sign-offs and inspectors are people too; with names omitted they have no code, so '*'
-- stands in: a sign-off stays a sign-off (only its presence is ever checked).
UPDATE stg_checks SET checker = public_person_name(checker, '', $names), signed_by = public_person_name(signed_by, '', $names);
UPDATE stg_inspections SET inspector = public_person_name(inspector, '', $names);
UPDATE stg_events SET note = '', source = CASE WHEN $sources THEN source ELSE '' END;
UPDATE stg_appeals SET note = '';
UPDATE stg_objections SET summary = '';
UPDATE stg_metrics SET note = '';
DROP MACRO public_person_name;
