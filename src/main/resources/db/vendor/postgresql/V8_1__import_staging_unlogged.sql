-- Staged import rows live only inside the importing transaction, so they need no write-ahead log:
-- a crash loses nothing that was committed, and a million rows load without writing them twice.
alter table import_row set unlogged;
alter table import_reject set unlogged;
