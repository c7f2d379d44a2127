-- The collaboration bodies' work written in samsyn: members, the meeting plan, agendas
-- with underlag, attendance, minutes approved by the chair and the adjusters and then
-- fixed, assignments from decisions, meeting evaluations and risk registers.
-- Meetings written here live in the register's tables beside imported ones.
CREATE TABLE body_members (
    id {{ID}},
    body_code TEXT NOT NULL REFERENCES bodies(code),
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    party_code TEXT REFERENCES parties(code),
    organization TEXT,
    user_id BIGINT REFERENCES users(id),
    from_date TEXT NOT NULL,
    to_date TEXT,
    calendar_token TEXT NOT NULL UNIQUE,
    updated_at TEXT NOT NULL
);
CREATE INDEX body_members_body ON body_members(body_code);
CREATE INDEX body_members_user ON body_members(user_id);

-- origin: 'import' (read from earlier minutes, archived as read) or 'samsyn'.
-- version rises with every change to the meeting, its agenda, attendance or minutes,
-- so an edit made on an older copy is refused instead of overwriting.
ALTER TABLE meetings ADD COLUMN origin TEXT NOT NULL DEFAULT 'import';
ALTER TABLE meetings ADD COLUMN state TEXT NOT NULL DEFAULT 'arkiverat';
ALTER TABLE meetings ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE meetings ADD COLUMN mode TEXT;
ALTER TABLE meetings ADD COLUMN joint_with TEXT NOT NULL DEFAULT '[]';
ALTER TABLE meetings ADD COLUMN underlag_deadline TEXT;
ALTER TABLE meetings ADD COLUMN updated_at TEXT;
CREATE INDEX meetings_body_date ON meetings(body_code, meeting_date);

ALTER TABLE agenda_items ADD COLUMN needs_underlag BIGINT NOT NULL DEFAULT 0;
ALTER TABLE agenda_items ADD COLUMN outcome TEXT;
ALTER TABLE agenda_items ADD COLUMN carried_from BIGINT REFERENCES agenda_items(id);

ALTER TABLE meeting_attendees ADD COLUMN member_id BIGINT REFERENCES body_members(id);
ALTER TABLE meeting_attendees ADD COLUMN substitute_for TEXT;
ALTER TABLE meeting_attendees ADD COLUMN note TEXT;

CREATE TABLE item_documents (
    id {{ID}},
    item_id BIGINT NOT NULL REFERENCES agenda_items(id),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content TEXT NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at TEXT NOT NULL
);
CREATE INDEX item_documents_item ON item_documents(item_id);

-- Who approves the minutes (the chair and the adjusters) and when they did.
CREATE TABLE meeting_signers (
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    member_id BIGINT NOT NULL REFERENCES body_members(id),
    role TEXT NOT NULL,
    approved_at TEXT,
    approved_via TEXT,
    recorded_by TEXT,
    PRIMARY KEY (meeting_id, member_id)
);

-- A signed protocol, fixed: its text, the PDF made from it, and both hashes.
CREATE TABLE signed_protocols (
    meeting_id BIGINT PRIMARY KEY REFERENCES meetings(id),
    text_sha256 TEXT NOT NULL UNIQUE,
    pdf_sha256 TEXT NOT NULL UNIQUE,
    text_content TEXT NOT NULL,
    pdf_content TEXT NOT NULL,
    signed_at TEXT NOT NULL
);

CREATE TABLE assignments (
    id {{ID}},
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    item_id BIGINT NOT NULL REFERENCES agenda_items(id),
    description TEXT NOT NULL,
    owner TEXT NOT NULL,
    due_date TEXT NOT NULL,
    report_body_code TEXT REFERENCES bodies(code),
    status TEXT NOT NULL,
    status_note TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX assignments_due ON assignments(status, due_date);
CREATE INDEX assignments_meeting ON assignments(meeting_id);

-- Anonymous: the answers carry no user; who has answered is kept apart, without a
-- link to the answer, only so that nobody answers twice.
CREATE TABLE meeting_evaluations (
    id {{ID}},
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    score BIGINT NOT NULL,
    comment TEXT NOT NULL
);
CREATE INDEX meeting_evaluations_meeting ON meeting_evaluations(meeting_id);
CREATE TABLE meeting_evaluators (
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    user_id BIGINT NOT NULL REFERENCES users(id),
    PRIMARY KEY (meeting_id, user_id)
);

CREATE TABLE risks (
    id {{ID}},
    register_name TEXT NOT NULL,
    body_code TEXT REFERENCES bodies(code),
    title TEXT NOT NULL,
    probability BIGINT NOT NULL,
    consequence BIGINT NOT NULL,
    owner TEXT NOT NULL,
    measures TEXT NOT NULL,
    review_date TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX risks_register ON risks(register_name);
