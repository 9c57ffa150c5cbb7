-- Dates as Excel writes them besides YYYY-MM-DD: 2025/11/3 (slash), 2025-11-3 (unpadded) and
-- serial day numbers (serial: 45964 is 2025-11-03, counted from 1899-12-30 as Excel's 1900 date
-- system does for every day after February 1900). A table accepts them only where its config
-- says so (table_formats); otherwise validation names the form and the exact fix.
CREATE MACRO excel_date_form(v) AS CASE
  WHEN regexp_full_match(v, '\d{4}/\d{1,2}/\d{1,2}') THEN 'slash'
  WHEN regexp_full_match(v, '\d{4}-\d{1,2}-\d{1,2}') AND NOT regexp_full_match(v, '\d{4}-\d{2}-\d{2}') THEN 'unpadded'
  WHEN regexp_full_match(v, '[1-9]\d{0,5}') THEN 'serial'
END;
CREATE MACRO excel_date(v) AS CASE excel_date_form(v)
  WHEN 'serial' THEN strftime(DATE '1899-12-30' + TRY_CAST(v AS INTEGER), '%Y-%m-%d')
  WHEN 'slash' THEN strftime(try_strptime(replace(v, '/', '-'), '%Y-%m-%d'), '%Y-%m-%d')
  WHEN 'unpadded' THEN strftime(try_strptime(v, '%Y-%m-%d'), '%Y-%m-%d')
END;
