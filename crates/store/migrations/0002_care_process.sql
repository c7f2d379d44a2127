-- The agreement's process for health care in the home: persons, the agreement's
-- versioned rules, requests, decisions, disagreements, episodes, plans, actions.

CREATE TABLE persons (
    id {{ID}},
    personnummer TEXT NOT NULL UNIQUE,
    birth_date TEXT NOT NULL,
    legal_sex TEXT NOT NULL,
    municipality_code TEXT NOT NULL REFERENCES parties(code),
    housing TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE agreements (
    id {{ID}},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE agreement_versions (
    id {{ID}},
    agreement_id BIGINT NOT NULL REFERENCES agreements(id),
    version BIGINT NOT NULL,
    valid_from TEXT NOT NULL,
    rules TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    UNIQUE (agreement_id, version)
);

CREATE TABLE kva_codes (
    code TEXT PRIMARY KEY,
    title TEXT NOT NULL
);

CREATE TABLE care_requests (
    id {{ID}},
    person_id BIGINT NOT NULL REFERENCES persons(id),
    from_unit TEXT NOT NULL REFERENCES units(code),
    to_unit TEXT NOT NULL REFERENCES units(code),
    kind TEXT NOT NULL,
    reason TEXT NOT NULL,
    requested_actions TEXT NOT NULL,
    self_care_assessed BIGINT NOT NULL,
    medication_list_updated BIGINT NOT NULL,
    specialist_handover BIGINT NOT NULL,
    psychiatric BIGINT NOT NULL,
    physician_contact TEXT NOT NULL,
    status TEXT NOT NULL,
    row_version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    decided_at TEXT,
    decided_by TEXT,
    decision_reason TEXT,
    agreement_version_id BIGINT REFERENCES agreement_versions(id)
);
CREATE INDEX care_requests_to ON care_requests(to_unit, status);
CREATE INDEX care_requests_from ON care_requests(from_unit, status);
CREATE INDEX care_requests_person ON care_requests(person_id);

CREATE TABLE disagreements (
    id {{ID}},
    request_id BIGINT NOT NULL REFERENCES care_requests(id),
    raised_by_unit TEXT NOT NULL REFERENCES units(code),
    step BIGINT NOT NULL,
    step_deadline TEXT NOT NULL,
    status TEXT NOT NULL,
    outcome TEXT,
    created_at TEXT NOT NULL,
    resolved_at TEXT,
    agreement_version_id BIGINT NOT NULL REFERENCES agreement_versions(id)
);
CREATE INDEX disagreements_request ON disagreements(request_id);

CREATE TABLE disagreement_comments (
    id {{ID}},
    disagreement_id BIGINT NOT NULL REFERENCES disagreements(id),
    unit_code TEXT REFERENCES units(code),
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE episodes (
    id {{ID}},
    person_id BIGINT NOT NULL REFERENCES persons(id),
    unit_code TEXT NOT NULL REFERENCES units(code),
    request_id BIGINT NOT NULL REFERENCES care_requests(id),
    status TEXT NOT NULL,
    started_on TEXT NOT NULL,
    next_follow_up TEXT,
    closed_on TEXT,
    close_reason TEXT,
    row_version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX episodes_unit ON episodes(unit_code, status);
CREATE INDEX episodes_person ON episodes(person_id);

CREATE TABLE care_actions (
    id {{ID}},
    episode_id BIGINT NOT NULL REFERENCES episodes(id),
    kva_code TEXT NOT NULL REFERENCES kva_codes(code),
    performed_on TEXT NOT NULL,
    performer_kind TEXT NOT NULL,
    minutes BIGINT,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX care_actions_episode ON care_actions(episode_id);
CREATE INDEX care_actions_date ON care_actions(performed_on);

CREATE TABLE follow_ups (
    id {{ID}},
    episode_id BIGINT NOT NULL REFERENCES episodes(id),
    due_on TEXT NOT NULL,
    done_on TEXT NOT NULL,
    outcome TEXT NOT NULL,
    note TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);

CREATE TABLE plans (
    id {{ID}},
    person_id BIGINT NOT NULL REFERENCES persons(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    owner_unit TEXT NOT NULL REFERENCES units(code),
    responsible_unit TEXT NOT NULL REFERENCES units(code),
    follow_up_on TEXT,
    competence_transfer_secured BIGINT NOT NULL DEFAULT 0,
    physician_contact TEXT NOT NULL DEFAULT '',
    row_version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE INDEX plans_person ON plans(person_id);

CREATE TABLE plan_participants (
    plan_id BIGINT NOT NULL REFERENCES plans(id),
    unit_code TEXT NOT NULL REFERENCES units(code),
    PRIMARY KEY (plan_id, unit_code)
);

CREATE TABLE plan_goals (
    id {{ID}},
    plan_id BIGINT NOT NULL REFERENCES plans(id),
    text TEXT NOT NULL
);

CREATE TABLE plan_actions (
    id {{ID}},
    plan_id BIGINT NOT NULL REFERENCES plans(id),
    text TEXT NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_unit TEXT REFERENCES units(code),
    status TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE consents (
    id {{ID}},
    plan_id BIGINT NOT NULL REFERENCES plans(id),
    given_by TEXT NOT NULL,
    given_on TEXT NOT NULL,
    scope TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    withdrawn_on TEXT
);

CREATE TABLE notifications (
    id {{ID}},
    unit_code TEXT NOT NULL REFERENCES units(code),
    kind TEXT NOT NULL,
    subject_kind TEXT NOT NULL,
    subject_id BIGINT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    read_at TEXT
);
CREATE INDEX notifications_unit ON notifications(unit_code, read_at);
