-- Shared tests for raw VARCHAR values, used by the cell checks generated from src/config/tables.ts
-- (src/pipeline/table-sql.ts) and by the tables' rules. NULL means the cell was empty.
CREATE TABLE validation_errors (table_name VARCHAR, file_id INTEGER, record_no BIGINT, column_name VARCHAR, expected VARCHAR, found VARCHAR);
-- IDs name pages and files, so a site must be servable from any file system: no device names
-- Windows reserves (CON, NUL …), and (see again_found) no two IDs of a table that differ only in case.
CREATE MACRO bad_id(v) AS v IS NOT NULL AND (NOT regexp_full_match(v, '[A-Za-z0-9][A-Za-z0-9_-]{0,63}')
                                              OR regexp_full_match(lower(v), 'con|prn|aux|nul|com[1-9]|lpt[1-9]'));
CREATE MACRO as_date(v) AS CASE WHEN regexp_full_match(v, '\d{4}-\d{2}-\d{2}') THEN try_strptime(v, '%Y-%m-%d')::DATE END;
CREATE MACRO bad_date(v) AS v IS NOT NULL AND as_date(v) IS NULL;
-- A time of day, HH:MM from 00:00 to 23:59.
CREATE MACRO as_time(v) AS CASE WHEN regexp_full_match(v, '([01]\d|2[0-3]):[0-5]\d') THEN CAST(v || ':00' AS TIME) END;
CREATE MACRO as_number(v) AS CASE WHEN regexp_full_match(v, '-?\d+(\.\d+)?') THEN TRY_CAST(v AS DECIMAL(18, 6)) END;
CREATE MACRO bad_number(v) AS v IS NOT NULL AND as_number(v) IS NULL;
-- More decimals than the column keeps (DECIMAL(18, 6) for points and values, (18, 2) for money) would
-- be rounded silently; trailing zeros lose nothing.
CREATE MACRO too_precise(v, decimals) AS
  regexp_full_match(v, '-?\d+\.\d+') AND length(rtrim(regexp_extract(v, '\.(\d+)$', 1), '0')) > decimals;
-- The characters no text may hold (forbiddenCharacterAt, src/config/encoding.ts): controls, bidi
-- overrides, isolates and marks, line separators, noncharacters. A CSV is refused for them as it is read; a Parquet file's
-- text is not read byte by byte, so its cells are checked here.
CREATE MACRO forbidden_character(v) AS
  regexp_extract(v, '[\x{0}-\x{8}\x{b}\x{c}\x{e}-\x{1f}\x{7f}-\x{9f}\x{61c}\x{200e}\x{200f}\x{2028}\x{2029}\x{202a}-\x{202e}\x{2066}-\x{2069}\x{fdd0}-\x{fdef}\x{fffe}\x{ffff}\x{1fffe}\x{1ffff}\x{2fffe}\x{2ffff}\x{3fffe}\x{3ffff}\x{4fffe}\x{4ffff}\x{5fffe}\x{5ffff}\x{6fffe}\x{6ffff}\x{7fffe}\x{7ffff}\x{8fffe}\x{8ffff}\x{9fffe}\x{9ffff}\x{afffe}\x{affff}\x{bfffe}\x{bffff}\x{cfffe}\x{cffff}\x{dfffe}\x{dffff}\x{efffe}\x{effff}\x{ffffe}\x{fffff}\x{10fffe}\x{10ffff}]');
CREATE MACRO forbidden_character_found(v) AS
  'a character no page may hold (U+' || upper(printf('%04x', unicode(forbidden_character(v)))) || '); delete it or retype it';
-- Only spaces and the invisible characters a name copied from a web page or Word can consist of
-- (BLANK in src/pipeline/records.ts, which refuses them in a CSV as it is read).
CREATE MACRO blank_text(v) AS regexp_full_match(v, '[\s\p{Z}\x{200b}-\x{200d}\x{2060}\x{feff}]*');
CREATE MACRO bad_count(v) AS v IS NOT NULL AND NOT regexp_full_match(v, '\d{1,9}');
-- Full-width digits (０–９, as a Chinese input method types them) look right and are refused
-- wherever a number, date or ID is read: the message names them and their ASCII form.
CREATE MACRO fullwidth_digits(v) AS array_to_string(regexp_extract_all(v, '[０-９]+'), ', ');
CREATE MACRO quoted(v) AS CASE
  WHEN v IS NULL THEN 'an empty value'
  WHEN regexp_matches(v, '[０-９]') THEN '"' || left(v, 80) || '" (full-width digits ' || fullwidth_digits(v) || ': type them as '
    || translate(fullwidth_digits(v), '０１２３４５６７８９', '0123456789') || ')'
  ELSE '"' || left(v, 80) || '"'
END;
-- A date in one of Excel's other forms (sql/load/excel_dates.sql) that the config does not accept: the
-- message gives the date to write, or the setting that accepts the form.
CREATE MACRO date_found(v, table_name, column_name) AS CASE
  WHEN excel_date(v) IS NULL THEN quoted(v)
  ELSE quoted(v) || ': write it ' || excel_date(v) || ', or accept this form with table_formats: { ' || table_name
    || ': { dates: { ' || column_name || ': [' || excel_date_form(v) || '] } } } in competition.yaml'
END;
CREATE MACRO id_expected() AS 'an ID of letters, digits, "-" or "_" (at most 64, no "/", "\" or ".", not a Windows device name such as CON or NUL)';
-- A repeated ID; one that differs from the first only in case names the same page on Windows and macOS.
CREATE MACRO again_found(v, first_id) AS
  CASE WHEN v = first_id THEN quoted(v) || ' again' ELSE quoted(v) || ' after ' || quoted(first_id) || ' (IDs that differ only in case name the same file on Windows and macOS)' END;
CREATE MACRO outside_competition(d) AS d < (SELECT start_date FROM cfg_competition) OR d > (SELECT end_date FROM cfg_competition);
-- Appeals, nominations and approvals follow what they are about, up to 90 days after the end (the
-- notices and the appeals against them); a later date is a typo (2099), not a record.
CREATE MACRO late_records_end() AS (SELECT end_date + INTERVAL 90 DAY FROM cfg_competition)::DATE;
CREATE MACRO outside_late_records(d) AS d < (SELECT start_date FROM cfg_competition) OR d > late_records_end();
CREATE MACRO late_records_span() AS (SELECT 'a date from ' || strftime(start_date, '%Y-%m-%d') || ' to ' || strftime(late_records_end(), '%Y-%m-%d')
  || ' (the competition and 90 days after it)' FROM cfg_competition);
CREATE MACRO competition_span() AS (SELECT 'a date inside the competition, ' || strftime(start_date, '%Y-%m-%d') || ' – ' || strftime(end_date, '%Y-%m-%d') FROM cfg_competition);
CREATE MACRO number_text(x) AS rtrim(rtrim(printf('%.6f', x), '0'), '.');
-- A record about one subject names exactly one of a unit and a person.
CREATE MACRO not_one_subject(unit_id, staff_id) AS (unit_id IS NULL) = (staff_id IS NULL);
CREATE MACRO not_one_subject_found(unit_id, staff_id) AS
  CASE WHEN unit_id IS NULL THEN 'both empty' ELSE 'both set: ' || quoted(unit_id) || ' and ' || quoted(staff_id) END;
