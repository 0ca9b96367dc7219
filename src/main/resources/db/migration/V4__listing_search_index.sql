-- Listing search filters by category and state and pages by id; officers also by supplier.
create index product_category_status on product (category_code, status, id);
