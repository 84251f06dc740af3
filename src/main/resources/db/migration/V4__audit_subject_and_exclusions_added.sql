-- Which contacts a bulk action took when they were not "a list's members": the filter of the
-- Contact Manager or a list's member search, described without personal data ("status Lead,
-- owner Sam Sales, search text given"), or how many rows were ticked.
alter table audit_entry add column subject varchar(200);

-- Contacts a bulk removal from a list also excluded from it.
alter table audit_entry add column exclusions_added bigint not null default 0;
