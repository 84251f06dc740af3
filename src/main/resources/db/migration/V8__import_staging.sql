-- The rows of a CSV import on their way in. An import writes its valid rows to import_row and its
-- rejected ones to import_reject, merges them into contact and list_member with set-based SQL, and
-- deletes them again, all in one transaction: no other transaction ever sees a row here. Each
-- import has its own id, so one import's statements only ever read its own rows.
create table import_row (
    import_id  bigint       not null,
    -- the line of the file the row starts on
    line       bigint       not null,
    email      varchar(254) not null,
    -- lower(email), as contact.email_key
    email_key  varchar(254) not null,
    -- null where the cell was blank (or its column not imported): a blank cell never erases a field
    first_name varchar(100),
    last_name  varchar(100),
    phone      varchar(40),
    company    varchar(150),
    title      varchar(150),
    city       varchar(100),
    country    varchar(100),
    status     varchar(20),
    lead_score integer,
    owner_id   bigint,
    -- why the row cannot create a new contact (a blank name), though it may update an existing one
    missing    varchar(100),
    primary key (import_id, line)
);
-- Finding the first row of each address, and the rows of an address, without sorting the import.
create index ix_import_row_email on import_row (import_id, email_key, line);

create table import_reject (
    import_id bigint        not null,
    line      bigint        not null,
    reason    varchar(1000) not null,
    primary key (import_id, line)
);
