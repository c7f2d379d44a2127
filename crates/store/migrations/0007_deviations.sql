-- Avvikelser i samverkan: reported by a unit, routed to the responsible unit, answered,
-- fed back on and closed with measures. A linked care request ties it to a person, whose
-- identity follows the care-relationship rules.
CREATE TABLE deviations (
    id {{ID}},
    reporter_unit TEXT NOT NULL REFERENCES units(code),
    responsible_unit TEXT NOT NULL REFERENCES units(code),
    category TEXT NOT NULL,
    severity TEXT NOT NULL,
    occurred_on TEXT NOT NULL,
    description TEXT NOT NULL,
    request_id BIGINT REFERENCES care_requests(id),
    person_id BIGINT REFERENCES persons(id),
    state TEXT NOT NULL,
    answer TEXT,
    answered_by TEXT,
    answered_at TEXT,
    feedback TEXT,
    feedback_at TEXT,
    measures TEXT,
    closed_by TEXT,
    closed_at TEXT,
    reported_by TEXT NOT NULL,
    reported_at TEXT NOT NULL
);
CREATE INDEX deviations_reporter ON deviations(reporter_unit);
CREATE INDEX deviations_responsible ON deviations(responsible_unit);
CREATE INDEX deviations_occurred ON deviations(occurred_on);
