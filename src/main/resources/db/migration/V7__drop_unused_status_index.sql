-- product_status_listed_on (status, listed_on) serves no query: the nightly selection reads the
-- listings in one pass, the search goes by category (product_category_status) or by id, and no
-- index was scanned in a whole benchmark run (BENCHMARKS.md, indexScans). Since status is in it,
-- every takedown wrote it again.
drop index product_status_listed_on;
