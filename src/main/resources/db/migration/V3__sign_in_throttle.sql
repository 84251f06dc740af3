-- Failed sign-ins, counted per account and client address. A lock keeps one address out of one
-- account for a while, so that guessing from one place stops without an attacker being able to
-- lock the account's owner out everywhere. Rows for any username tried (no foreign key): whether
-- a username exists must not change how sign-in answers.
create table sign_in_throttle (
    username        varchar(50)  not null,
    client_address  varchar(100) not null,
    failures        integer      not null,
    last_failure_at timestamp with time zone not null,
    locked_until    timestamp with time zone,
    primary key (username, client_address)
);

-- Replaced by sign_in_throttle: a count on the user row locked the account for every address,
-- and parallel failures collided on its version.
alter table app_user drop column failed_logins;
alter table app_user drop column locked_until;

-- The account an entry is about (an account locked or unlocked), beside the user who acted.
alter table audit_entry add column target_username varchar(50);
