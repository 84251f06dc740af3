-- PostgreSQL only: case-insensitive prefix search on an opportunity's name (see V1_1).
create index ix_opportunity_name_lower on opportunity (lower(name) text_pattern_ops);
