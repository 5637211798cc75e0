-- Private calendar links (issue 18): a member's due dates and pickup deadlines as an iCalendar
-- feed at a URL that holds a random secret, for calendar applications, which cannot log in. One
-- per member (the primary key): taking a new link replaces the old, revoking deletes the row. Only
-- the SHA-256 of the secret is kept (hex, found through the UNIQUE index), as for API tokens. Goes
-- with the member. Not in the change log: the row is a secret's trace, not library data.
CREATE TABLE calendar_tokens (
    member_id   BIGINT NOT NULL,
    hash        CHAR(64) NOT NULL,
    created_at  BIGINT NOT NULL,
    CONSTRAINT pk_calendar_tokens PRIMARY KEY (member_id),
    CONSTRAINT uq_calendar_tokens_hash UNIQUE (hash),
    CONSTRAINT fk_calendar_tokens_member FOREIGN KEY (member_id) REFERENCES members (id) ON DELETE CASCADE
);
