-- The Opportunities view sorts and filters in SQL; each of its orders, alone or within a stage or
-- an owner (a Salesperson sees only their own), is read from an index.
create index ix_opportunity_name on opportunity (name, id);
create index ix_opportunity_stage on opportunity (stage, name, id);
create index ix_opportunity_amount on opportunity (amount, id);
create index ix_opportunity_close_date on opportunity (close_date, id);
create index ix_opportunity_owner_name on opportunity (owner_id, name, id);
drop index ix_opportunity_owner;
