SELECT ord FROM cfg_awards ORDER BY ord;
