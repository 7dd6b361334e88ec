"""Ways to run quoteattr inside other systems (Dask, Spark); each needs its extra."""
