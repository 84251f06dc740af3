-- When each user last signed in, for the Users page; empty until their next sign-in.
alter table app_user add column last_sign_in_at timestamp with time zone;

-- lower(username), kept by the application: usernames are unique whatever their letter case, on
-- both databases (H2 has no index on an expression).
alter table app_user add column username_key varchar(50);
update app_user set username_key = lower(username);
alter table app_user alter column username_key set not null;
alter table app_user add constraint uk_app_user_username_key unique (username_key);
