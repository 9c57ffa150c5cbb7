SELECT count(*)::INTEGER AS total FROM validation_errors;
