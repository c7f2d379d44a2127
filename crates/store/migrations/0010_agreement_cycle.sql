-- Agreements (överenskommelser) through their life cycle: versions, remiss rounds to
-- chosen parties with deadlines and extensions, each party's answer with numbered
-- comments and their disposition, anchoring body by body, each party's adoption,
-- implementation persons and gap analyses per vårdcentral and home-care pair; and
-- funding: grants and their allocation by decision. (The table `agreements` of the
-- care process holds the enrolment rules' versions; these are the documents.)
CREATE TABLE agreement_documents (
    id {{ID}},
    code TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    phase TEXT NOT NULL,
    body_code TEXT REFERENCES bodies(code),
    in_force_from TEXT,
    version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE agreement_phase_log (
    id {{ID}},
    document_id BIGINT NOT NULL REFERENCES agreement_documents(id),
    phase TEXT NOT NULL,
    version BIGINT NOT NULL,
    note TEXT NOT NULL,
    actor TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX agreement_phase_log_document ON agreement_phase_log(document_id);

CREATE TABLE remisses (
    id {{ID}},
    document_id BIGINT NOT NULL REFERENCES agreement_documents(id),
    version BIGINT NOT NULL,
    sent_on TEXT NOT NULL,
    deadline TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX remisses_document ON remisses(document_id);

CREATE TABLE remiss_recipients (
    remiss_id BIGINT NOT NULL REFERENCES remisses(id),
    party_code TEXT NOT NULL REFERENCES parties(code),
    extended_to TEXT,
    extension_reason TEXT,
    PRIMARY KEY (remiss_id, party_code)
);

CREATE TABLE remiss_answers (
    id {{ID}},
    remiss_id BIGINT NOT NULL REFERENCES remisses(id),
    party_code TEXT NOT NULL REFERENCES parties(code),
    position TEXT NOT NULL,
    answered_on TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    UNIQUE (remiss_id, party_code)
);

CREATE TABLE remiss_comments (
    id {{ID}},
    answer_id BIGINT NOT NULL REFERENCES remiss_answers(id),
    number BIGINT NOT NULL,
    text TEXT NOT NULL,
    disposition TEXT,
    reason TEXT,
    handled_by TEXT,
    UNIQUE (answer_id, number)
);

CREATE TABLE agreement_anchorings (
    document_id BIGINT NOT NULL REFERENCES agreement_documents(id),
    body_code TEXT NOT NULL REFERENCES bodies(code),
    position BIGINT NOT NULL,
    decided_on TEXT NOT NULL,
    item_id BIGINT REFERENCES agenda_items(id),
    PRIMARY KEY (document_id, body_code)
);

CREATE TABLE agreement_adoptions (
    document_id BIGINT NOT NULL REFERENCES agreement_documents(id),
    party_code TEXT NOT NULL REFERENCES parties(code),
    adopted_on TEXT NOT NULL,
    reference TEXT NOT NULL,
    PRIMARY KEY (document_id, party_code)
);

CREATE TABLE implementation_persons (
    id {{ID}},
    document_id BIGINT NOT NULL REFERENCES agreement_documents(id),
    party_code TEXT NOT NULL REFERENCES parties(code),
    name TEXT NOT NULL,
    contact TEXT NOT NULL
);

-- A gap analysis per vårdcentral and municipal home-care pair, with the pair's joint
-- action plan and its follow-up.
CREATE TABLE gap_analyses (
    id {{ID}},
    document_id BIGINT NOT NULL REFERENCES agreement_documents(id),
    vc_unit TEXT NOT NULL REFERENCES units(code),
    hsv_unit TEXT NOT NULL REFERENCES units(code),
    gaps TEXT NOT NULL,
    action_plan TEXT NOT NULL,
    due_on TEXT NOT NULL,
    follow_up TEXT,
    followed_up_on TEXT,
    updated_at TEXT NOT NULL,
    UNIQUE (document_id, vc_unit, hsv_unit)
);

CREATE TABLE grants (
    id {{ID}},
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    year BIGINT NOT NULL,
    amount_kr BIGINT NOT NULL,
    created_at TEXT NOT NULL
);

-- An allocation is decided at an agenda item (the decision's item).
CREATE TABLE allocations (
    id {{ID}},
    grant_id BIGINT NOT NULL REFERENCES grants(id),
    item_id BIGINT REFERENCES agenda_items(id),
    recipient TEXT NOT NULL,
    amount_kr BIGINT NOT NULL,
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    conditions TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX allocations_grant ON allocations(grant_id);
CREATE INDEX allocations_item ON allocations(item_id);
