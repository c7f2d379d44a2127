-- Utskrivning, continued: the SIP kallelse carries the meeting's time and place (or
-- video link) as fields of their own; the agreement's payment-liability rules are
-- versions of data, each in force from a date.
ALTER TABLE discharge_messages ADD COLUMN meeting_at TEXT;
ALTER TABLE discharge_messages ADD COLUMN meeting_place TEXT;

CREATE TABLE liability_rule_versions (
    version BIGINT PRIMARY KEY,
    valid_from TEXT NOT NULL UNIQUE,
    rules TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
