-- samsyn foundation: organisation, identity, sessions, audit.
-- {{ID}} is the engine's auto-numbered primary key (see dialect.rs).
-- Booleans are BIGINT 0/1 and instants TEXT in UTC (see samsyn_domain::time_fmt),
-- so one set of SQL serves SQLite and PostgreSQL alike.

CREATE TABLE county_parts (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE parties (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    county_part TEXT REFERENCES county_parts(code)
);

CREATE TABLE units (
    id {{ID}},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    party_code TEXT NOT NULL REFERENCES parties(code),
    created_at TEXT NOT NULL
);
CREATE INDEX units_party ON units(party_code);

CREATE TABLE bodies (
    id {{ID}},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    parent_code TEXT REFERENCES bodies(code),
    county_part TEXT REFERENCES county_parts(code)
);

CREATE TABLE users (
    id {{ID}},
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    active BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);

CREATE TABLE role_assignments (
    id {{ID}},
    user_id BIGINT NOT NULL REFERENCES users(id),
    role TEXT NOT NULL,
    party_code TEXT REFERENCES parties(code),
    unit_code TEXT REFERENCES units(code),
    body_code TEXT REFERENCES bodies(code)
);
CREATE INDEX role_assignments_user ON role_assignments(user_id);

CREATE TABLE sessions (
    id {{ID}},
    token_hash TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users(id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_expires ON sessions(expires_at);

CREATE TABLE api_tokens (
    id {{ID}},
    token_hash TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users(id),
    created_at TEXT NOT NULL,
    revoked_at TEXT
);

CREATE TABLE login_failures (
    id {{ID}},
    username TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX login_failures_username_at ON login_failures(username, at);

-- The audit chain: one row per entry, and a single head row that serialises appends
-- (its UPDATE takes the row lock) and records the last entry's number and hash.
CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    at TEXT NOT NULL,
    actor_user_id BIGINT,
    actor TEXT NOT NULL,
    party_code TEXT,
    unit_code TEXT,
    person_id BIGINT,
    action TEXT NOT NULL,
    purpose TEXT NOT NULL,
    outcome TEXT NOT NULL,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_person ON audit_log(person_id);
CREATE INDEX audit_log_actor ON audit_log(actor);

CREATE TABLE audit_head (
    id BIGINT PRIMARY KEY,
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
