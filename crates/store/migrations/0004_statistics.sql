-- Follow-up statistics: population figures, historical actions from older systems,
-- and aggregates kept up to date as actions are recorded, so Tabell 1 answers
-- without scanning actions.

CREATE TABLE population (
    municipality_code TEXT NOT NULL REFERENCES parties(code),
    year BIGINT NOT NULL,
    sex TEXT NOT NULL,
    age_group TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (municipality_code, year, sex, age_group)
);

CREATE TABLE action_imports (
    id {{ID}},
    filename TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    rows BIGINT NOT NULL,
    warnings BIGINT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL
);

-- Actions imported from older systems; the KVÅ code is not a foreign key, since a
-- code missing from the table is a warning there, not an error.
CREATE TABLE historical_actions (
    id {{ID}},
    import_id BIGINT NOT NULL REFERENCES action_imports(id),
    person_id BIGINT NOT NULL REFERENCES persons(id),
    municipality_code TEXT NOT NULL REFERENCES parties(code),
    performed_on TEXT NOT NULL,
    kva_code TEXT NOT NULL,
    performer_kind TEXT NOT NULL,
    minutes BIGINT
);
CREATE INDEX historical_actions_date ON historical_actions(performed_on);

-- How many actions a municipality performed for a person in a year.
CREATE TABLE stat_presence (
    person_id BIGINT NOT NULL,
    municipality_code TEXT NOT NULL,
    year BIGINT NOT NULL,
    actions BIGINT NOT NULL,
    PRIMARY KEY (person_id, municipality_code, year)
);

-- In how many municipalities a person got care in a year (the county counts a person once).
CREATE TABLE stat_person_year (
    person_id BIGINT NOT NULL,
    year BIGINT NOT NULL,
    municipalities BIGINT NOT NULL,
    PRIMARY KEY (person_id, year)
);

-- Persons per year, area (a municipality's code, or 'county'), legal sex and age group.
CREATE TABLE stat_cells (
    year BIGINT NOT NULL,
    area TEXT NOT NULL,
    sex TEXT NOT NULL,
    age_group TEXT NOT NULL,
    persons BIGINT NOT NULL,
    PRIMARY KEY (year, area, sex, age_group)
);
