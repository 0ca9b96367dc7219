-- product_category (category_code) is a prefix of product_category_status (category_code, status, id),
-- which serves every query and foreign-key check the narrower one did. Each index is written again
-- whenever a listing changes status (the nightly takedowns: 10% of a province's listings on a first night).
drop index product_category;
