-- The membership version of a list: bumped by every change to its members, so that a
-- confirmation can tell "the list I saw" from "a list with as many members" (a swap).
alter table contact_list add column member_version bigint not null default 0;

-- One row per kind of bulk work; an operation holds its row's lock for its whole transaction, so
-- bulk operations on contacts run one after another, on every instance (docs/decisions/004).
create table bulk_work_lock (
    name varchar(30) not null primary key
);
insert into bulk_work_lock (name) values ('contacts');

-- Staged contacts belong to the operation that staged them: a stray row of another operation can
-- never be deleted by this one.
drop table deletion_target;
create table deletion_target (
    operation_id varchar(36) not null,
    contact_id   bigint      not null,
    primary key (operation_id, contact_id)
);

-- Rule applications ("apply to existing", Rebuild) are audited with the members they add.
alter table audit_entry add column contacts_added bigint not null default 0;
