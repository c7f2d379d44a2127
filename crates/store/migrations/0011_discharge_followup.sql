-- Utskrivning, continued: the SIP kallelse carries the meeting's time and place (or
-- video link) as fields of their own.
ALTER TABLE discharge_messages ADD COLUMN meeting_at TEXT;
ALTER TABLE discharge_messages ADD COLUMN meeting_place TEXT;
