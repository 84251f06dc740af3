-- PostgreSQL only: case-insensitive prefix search in the Contact Manager uses these
-- expression indexes. H2 has no expression indexes; it scans (see docs/decisions).
create index ix_contact_last_name_lower on contact (lower(last_name) text_pattern_ops);
create index ix_contact_first_name_lower on contact (lower(first_name) text_pattern_ops);
create index ix_contact_email_key_prefix on contact (email_key text_pattern_ops);
create index ix_contact_company_lower on contact (lower(company) text_pattern_ops);
