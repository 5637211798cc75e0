-- Safer logins (issue 14).

-- Accounts the demo data opened with the password the README publishes. A start that is not a
-- demo's removes them, so that they never exist on a server that was not started for a demo.
ALTER TABLE accounts ADD COLUMN demo SMALLINT DEFAULT 0 NOT NULL;
ALTER TABLE accounts ADD CONSTRAINT ck_accounts_demo CHECK (demo IN (0, 1));

-- A lock by staff (a lost card, a suspected break-in): no login at all until staff lift it. It
-- replaces the automatic lock after repeated failures, which let anyone lock anyone out (user
-- names are card numbers); the failures are now counted per client in login_failures below.
ALTER TABLE accounts ADD COLUMN locked SMALLINT DEFAULT 0 NOT NULL;
ALTER TABLE accounts ADD CONSTRAINT ck_accounts_locked CHECK (locked IN (0, 1));
ALTER TABLE accounts DROP COLUMN locked_until;

-- Counted up when the password changes or staff lock the account: the page sessions opened
-- before it end on their next request, on every instance.
ALTER TABLE accounts ADD COLUMN session_generation INTEGER DEFAULT 0 NOT NULL;

-- Failed logins per user name AND client address: the guesses one client may make at one account
-- before it has to wait, doubling with every further block. Counted here, not per instance, so
-- that N failures mean N guesses however many instances and threads take them; and per client, so
-- that a stranger's failures never lock the owner out. Both keys are keyed hashes (the name as
-- typed may be a password typed into the wrong field; addresses are personal data); rows go after
-- a success, and are pruned a day after their last failure.
CREATE TABLE login_failures (
    name_key         CHAR(44) NOT NULL,
    client_key       CHAR(44) NOT NULL,
    failures         INTEGER NOT NULL,
    blocked_until    BIGINT,
    last_failure_at  BIGINT NOT NULL,
    CONSTRAINT pk_login_failures PRIMARY KEY (name_key, client_key),
    CONSTRAINT ck_login_failures_count CHECK (failures >= 1)
);
CREATE INDEX ix_login_failures_age ON login_failures (last_failure_at);

-- Random secrets of this installation, made by the first instance that needs one and shared by
-- every instance through the database (e.g. the key of the hashes above).
CREATE TABLE installation_secrets (
    name    VARCHAR(40) NOT NULL,
    secret  VARCHAR(100) NOT NULL,
    CONSTRAINT pk_installation_secrets PRIMARY KEY (name)
);
