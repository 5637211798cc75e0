-- The "hold ready" notices are made from the change log (issue 18), not in the transaction that
-- sets the copy aside: that transaction would otherwise also lock the waiting member's row (the
-- notice's foreign key), a row it has not locked first, and meet other members' operations in a
-- circle of waits. notice_pump is the place in the log up to which the hold.ready entries were
-- turned into notices: a single row every instance locks while it pumps, so that one pumps at a
-- time and the next starts where it stopped. From the log's head: no notice is owed for the past.
CREATE TABLE notice_pump (
    id       INTEGER NOT NULL,
    position BIGINT NOT NULL,
    CONSTRAINT pk_notice_pump PRIMARY KEY (id),
    CONSTRAINT ck_notice_pump_single CHECK (id = 1)
);
INSERT INTO notice_pump (id, position) SELECT 1, position FROM change_counter WHERE id = 1;
