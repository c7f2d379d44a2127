-- Beslutsregistret: meetings with attendance, agenda items and decisions, written in
-- samsyn or imported from earlier minutes (whose original file is kept), and the
-- full-text index over them. The index is plain tables, so both engines search alike:
-- words are stemmed in Rust (Snowball Swedish) and stored as postings.
CREATE TABLE protocol_files (
    id {{ID}},
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    size BIGINT NOT NULL,
    content TEXT NOT NULL,
    imported_by TEXT NOT NULL,
    imported_at TEXT NOT NULL
);

CREATE TABLE meetings (
    id {{ID}},
    identity_key TEXT NOT NULL UNIQUE,
    body_code TEXT REFERENCES bodies(code),
    body_name TEXT,
    document_kind TEXT NOT NULL,
    meeting_date TEXT NOT NULL,
    start_time TEXT,
    end_time TEXT,
    place TEXT,
    chair TEXT,
    secretaries TEXT NOT NULL,
    adjusters TEXT NOT NULL,
    adjusted_on TEXT,
    signatures TEXT NOT NULL,
    warnings TEXT NOT NULL,
    source_file_id BIGINT REFERENCES protocol_files(id),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX meetings_date ON meetings(meeting_date);

CREATE TABLE meeting_attendees (
    id {{ID}},
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    position BIGINT NOT NULL,
    name TEXT NOT NULL,
    organization TEXT,
    role TEXT,
    status TEXT NOT NULL
);
CREATE INDEX meeting_attendees_meeting ON meeting_attendees(meeting_id);

CREATE TABLE agenda_items (
    id {{ID}},
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    position BIGINT NOT NULL,
    number TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT,
    presenters TEXT NOT NULL,
    body_text TEXT NOT NULL
);
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id);

CREATE TABLE decisions (
    id {{ID}},
    item_id BIGINT NOT NULL REFERENCES agenda_items(id),
    position BIGINT NOT NULL,
    decision_text TEXT NOT NULL
);
CREATE INDEX decisions_item ON decisions(item_id);

CREATE TABLE search_docs (
    id {{ID}},
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    item_id BIGINT REFERENCES agenda_items(id),
    body_code TEXT,
    body_name TEXT,
    meeting_date TEXT NOT NULL,
    document_kind TEXT NOT NULL,
    title TEXT NOT NULL,
    content TEXT NOT NULL,
    length BIGINT NOT NULL
);
CREATE INDEX search_docs_meeting ON search_docs(meeting_id);

-- impact: the term's BM25 weight in the document without idf (tf saturated, length
-- normalised), in thousandths. Ordered by impact, a one-word query reads only its top
-- rows; the covering index serves several words without touching the table.
CREATE TABLE search_postings (
    term TEXT NOT NULL,
    doc_id BIGINT NOT NULL REFERENCES search_docs(id),
    tf BIGINT NOT NULL,
    impact BIGINT NOT NULL,
    PRIMARY KEY (term, doc_id)
);
CREATE INDEX search_postings_doc ON search_postings(doc_id);
CREATE INDEX search_postings_cover ON search_postings(term, doc_id, impact);
CREATE INDEX search_postings_impact ON search_postings(term, impact, doc_id);

-- Imports uploaded in the browser: each file waits here, read and then reviewed by the
-- secretary, until it is saved into the register (or fails, named).
CREATE TABLE protocol_drafts (
    id {{ID}},
    batch TEXT NOT NULL,
    position BIGINT NOT NULL,
    file_name TEXT NOT NULL,
    content TEXT NOT NULL,
    state TEXT NOT NULL,
    parsed TEXT,
    error TEXT,
    meeting_id BIGINT REFERENCES meetings(id),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX protocol_drafts_batch ON protocol_drafts(batch);
