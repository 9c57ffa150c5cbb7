-- Shared tests for raw VARCHAR values. NULL means the cell was empty.
CREATE TABLE validation_errors (table_name VARCHAR, file_id INTEGER, record_no BIGINT, column_name VARCHAR, expected VARCHAR, found VARCHAR);
CREATE MACRO bad_id(v) AS v IS NOT NULL AND NOT regexp_full_match(v, '[A-Za-z0-9][A-Za-z0-9_-]{0,63}');
CREATE MACRO as_date(v) AS CASE WHEN regexp_full_match(v, '\d{4}-\d{2}-\d{2}') THEN try_strptime(v, '%Y-%m-%d')::DATE END;
CREATE MACRO bad_date(v) AS v IS NOT NULL AND as_date(v) IS NULL;
CREATE MACRO as_number(v) AS CASE WHEN regexp_full_match(v, '-?\d+(\.\d+)?') THEN TRY_CAST(v AS DECIMAL(18, 6)) END;
CREATE MACRO bad_number(v) AS v IS NOT NULL AND as_number(v) IS NULL;
CREATE MACRO bad_count(v) AS v IS NOT NULL AND NOT regexp_full_match(v, '\d{1,9}');
CREATE MACRO quoted(v) AS CASE WHEN v IS NULL THEN 'an empty value' ELSE '"' || left(v, 80) || '"' END;
CREATE MACRO id_expected() AS 'an ID of letters, digits, "-" or "_" (at most 64, no "/", "\" or ".")';
CREATE MACRO outside_competition(d) AS d < (SELECT start_date FROM cfg_competition) OR d > (SELECT end_date FROM cfg_competition);
CREATE MACRO competition_span() AS (SELECT 'a date inside the competition, ' || strftime(start_date, '%Y-%m-%d') || ' – ' || strftime(end_date, '%Y-%m-%d') FROM cfg_competition);
CREATE MACRO number_text(x) AS rtrim(rtrim(printf('%.6f', x), '0'), '.');
-- A required reference to a unit: empty, or naming no unit of the units table.
CREATE MACRO unknown_unit(v) AS v IS NULL OR v NOT IN (SELECT unit_id FROM raw_units WHERE unit_id IS NOT NULL);
CREATE MACRO unknown_unit_found(v) AS CASE WHEN v IS NULL THEN 'an empty value' ELSE 'no unit ' || quoted(v) END;
CREATE MACRO unknown_staff(v) AS v IS NULL OR v NOT IN (SELECT staff_id FROM raw_staff WHERE staff_id IS NOT NULL);
CREATE MACRO unknown_staff_found(v) AS CASE WHEN v IS NULL THEN 'an empty value' ELSE 'no staff ' || quoted(v) END;
-- A record about one subject names exactly one of a unit and a person.
CREATE MACRO not_one_subject(unit_id, staff_id) AS (unit_id IS NULL) = (staff_id IS NULL);
CREATE MACRO not_one_subject_found(unit_id, staff_id) AS
  CASE WHEN unit_id IS NULL THEN 'both empty' ELSE 'both set: ' || quoted(unit_id) || ' and ' || quoted(staff_id) END;
