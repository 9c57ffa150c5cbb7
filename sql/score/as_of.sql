SELECT strftime(as_of, '%Y-%m-%d') AS as_of FROM int_as_of;
