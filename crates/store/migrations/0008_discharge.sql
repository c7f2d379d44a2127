-- Utskrivning från slutenvård: a stay with the messages between the ward, the
-- municipality and primary care. A stay is a care relationship for its three units.
CREATE TABLE stays (
    id {{ID}},
    person_id BIGINT NOT NULL REFERENCES persons(id),
    ward_unit TEXT NOT NULL REFERENCES units(code),
    municipality_unit TEXT NOT NULL REFERENCES units(code),
    primary_unit TEXT NOT NULL REFERENCES units(code),
    psychiatric BIGINT NOT NULL,
    needs_sip BIGINT NOT NULL,
    admitted_at TEXT NOT NULL,
    expected_discharge TEXT,
    consent TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX stays_person ON stays(person_id);

CREATE TABLE discharge_messages (
    id {{ID}},
    stay_id BIGINT NOT NULL REFERENCES stays(id),
    kind TEXT NOT NULL,
    from_unit TEXT NOT NULL REFERENCES units(code),
    to_unit TEXT REFERENCES units(code),
    at TEXT NOT NULL,
    body TEXT NOT NULL,
    acknowledged_at TEXT,
    acknowledged_by TEXT,
    sent_by TEXT NOT NULL
);
CREATE INDEX discharge_messages_stay ON discharge_messages(stay_id);
CREATE INDEX discharge_messages_to ON discharge_messages(to_unit, acknowledged_at);
