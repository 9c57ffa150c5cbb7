SELECT file_id, record_no::INTEGER AS record_no, column_name, expected, found
FROM validation_errors
ORDER BY file_id, record_no, column_name, expected
LIMIT $limit;
