-- Imports (issue 16): each CSV import a row, so that its state, counts and refused rows are read
-- from the database on every instance, and an import outlives the request that sent its file.

-- Counts are written in the transaction of each batch they count, so that they are exactly what
-- is committed. heartbeat_at (millis since the epoch, as every instant here) moves with each of
-- them; a RUNNING import whose heartbeat is older than the lease lost its instance, and any
-- instance marks it FAILED, counts kept. running_kind is the kind while the import runs and NULL
-- once it ended: the UNIQUE index lets one import of a kind run at a time, on every instance
-- (NULLs are never equal to each other, on Derby as on PostgreSQL).
CREATE TABLE imports (
    id              VARCHAR(36) NOT NULL,
    kind            VARCHAR(10) NOT NULL,
    state           VARCHAR(10) NOT NULL,
    running_kind    VARCHAR(10),
    source          VARCHAR(255),
    started_by      VARCHAR(100),
    instance        VARCHAR(255) NOT NULL,
    bytes_total     BIGINT,
    bytes_read      BIGINT DEFAULT 0 NOT NULL,
    rows_read       BIGINT DEFAULT 0 NOT NULL,
    rows_created    BIGINT DEFAULT 0 NOT NULL,
    rows_updated    BIGINT DEFAULT 0 NOT NULL,
    rows_unchanged  BIGINT DEFAULT 0 NOT NULL,
    rows_rejected   BIGINT DEFAULT 0 NOT NULL,
    refusals_listed INTEGER DEFAULT 0 NOT NULL,
    failure         VARCHAR(2000),
    started_at      BIGINT NOT NULL,
    heartbeat_at    BIGINT NOT NULL,
    finished_at     BIGINT,
    CONSTRAINT pk_imports PRIMARY KEY (id),
    CONSTRAINT uq_imports_running UNIQUE (running_kind),
    CONSTRAINT ck_imports_kind CHECK (kind IN ('books', 'members')),
    CONSTRAINT ck_imports_state CHECK (
        (state = 'RUNNING' AND running_kind = kind AND finished_at IS NULL)
        OR (state IN ('DONE', 'FAILED') AND running_kind IS NULL AND finished_at IS NOT NULL)),
    CONSTRAINT ck_imports_counts CHECK (rows_created >= 0 AND rows_updated >= 0 AND rows_unchanged >= 0
        AND rows_rejected >= refusals_listed AND refusals_listed >= 0)
);
CREATE INDEX ix_imports_started ON imports (started_at);

-- The refused rows of an import with their line and reason: the first ones only (the count of
-- all is imports.rows_rejected), so that a file of a million bad rows cannot fill the database.
CREATE TABLE import_refusals (
    import_id  VARCHAR(36) NOT NULL,
    line       BIGINT NOT NULL,
    reason     VARCHAR(1000) NOT NULL,
    CONSTRAINT fk_import_refusals_import FOREIGN KEY (import_id) REFERENCES imports (id) ON DELETE CASCADE
);
CREATE INDEX ix_import_refusals_line ON import_refusals (import_id, line);
