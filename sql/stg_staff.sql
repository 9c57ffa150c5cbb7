CREATE TABLE stg_staff AS
SELECT staff_id, name, unit_id, role, employee_no, file_id, record_no FROM raw_staff;
