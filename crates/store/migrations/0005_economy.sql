-- Economy: the supplementary amount's base per municipality (set by decision) and the
-- tax base's yearly development that adjusts it.
CREATE TABLE supplement_bases (
    municipality_code TEXT NOT NULL REFERENCES parties(code),
    base_year BIGINT NOT NULL,
    amount_ore BIGINT NOT NULL,
    decision TEXT NOT NULL,
    PRIMARY KEY (municipality_code, base_year)
);

CREATE TABLE tax_base_development (
    year BIGINT PRIMARY KEY,
    hundredths BIGINT NOT NULL
);
