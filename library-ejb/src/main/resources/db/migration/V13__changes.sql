-- The change log (issue 17): one row per committed change to a record, written in the transaction
-- of the change, so that a rolled-back change leaves none and a committed one exactly one.
--
-- position is the order of commits, not of starts: each writing transaction takes the next numbers
-- from change_counter's single row as its last step, and holds that row's lock until it commits,
-- so a transaction that numbers later commits later, on every instance. A reader that has seen
-- position p therefore never meets a smaller number afterwards; the feed's cursor is a position.
-- Entries older than the retention are pruned; pruned_through is the highest position pruned, so
-- that a cursor before it is known to have missed entries (410) rather than silently skipping them.
CREATE TABLE change_counter (
    id              INTEGER NOT NULL,
    position        BIGINT NOT NULL,
    pruned_through  BIGINT NOT NULL,
    CONSTRAINT pk_change_counter PRIMARY KEY (id),
    CONSTRAINT ck_change_counter_single CHECK (id = 1),
    CONSTRAINT ck_change_counter_order CHECK (pruned_through >= 0 AND position >= pruned_through)
);
INSERT INTO change_counter (id, position, pruned_through) VALUES (1, 0, 0);

-- state: the record as it is after the change, a JSON object of its fields (NULL once deleted);
-- history compares it with the record's previous entry. actor: the account's user name, token:<id>,
-- member:<user name> for a card holder acting for themselves, or system (timers, imports).
-- occurred_at: millis since the epoch, as every instant in the tables of this era.
CREATE TABLE changes (
    position        BIGINT NOT NULL,
    record_type     VARCHAR(16) NOT NULL,
    record_id       BIGINT NOT NULL,
    action          VARCHAR(16) NOT NULL,
    record_version  BIGINT NOT NULL,
    actor           VARCHAR(120) NOT NULL,
    occurred_at     BIGINT NOT NULL,
    state           VARCHAR(16000),
    CONSTRAINT pk_changes PRIMARY KEY (position),
    CONSTRAINT ck_changes_position CHECK (position > 0),
    CONSTRAINT ck_changes_type CHECK (record_type IN ('author', 'book', 'member', 'librarian', 'loan', 'hold',
        'account', 'token')),
    CONSTRAINT ck_changes_state CHECK ((action = 'deleted' AND state IS NULL) OR (action <> 'deleted' AND state IS NOT NULL))
);
CREATE INDEX ix_changes_record ON changes (record_type, record_id, position);
CREATE INDEX ix_changes_occurred ON changes (occurred_at);
