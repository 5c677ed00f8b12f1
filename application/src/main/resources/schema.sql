-- Command-side lookups: kept in step with the events in the transaction that stores them (a subscribing
-- processor), consulted by command handlers for rules across aggregates and by the API for authorization.
CREATE TABLE IF NOT EXISTS lookup_estate (
    estate_id VARCHAR(64) PRIMARY KEY,
    currency  VARCHAR(3)  NOT NULL,
    zone_id   VARCHAR(64) NOT NULL
);
CREATE TABLE IF NOT EXISTS lookup_unit (
    unit_id   VARCHAR(64) PRIMARY KEY,
    estate_id VARCHAR(64) NOT NULL
);
CREATE TABLE IF NOT EXISTS lookup_account (
    account_id  VARCHAR(64) PRIMARY KEY,
    estate_id   VARCHAR(64) NOT NULL,
    holder_type VARCHAR(16) NOT NULL,
    portal_user VARCHAR(100)
);
-- One active owner account and one active tenant account per unit: the primary key is the rule.
CREATE TABLE IF NOT EXISTS lookup_unit_holder (
    unit_id     VARCHAR(64) NOT NULL,
    holder_type VARCHAR(16) NOT NULL,
    account_id  VARCHAR(64) NOT NULL,
    PRIMARY KEY (unit_id, holder_type)
);
-- The first response to each (user, Idempotency-Key), stored in the transaction of the command it answers.
CREATE TABLE IF NOT EXISTS idempotency_record (
    user_id      VARCHAR(100) NOT NULL,
    idem_key     VARCHAR(100) NOT NULL,
    fingerprint  VARCHAR(64)  NOT NULL,
    status       INT          NOT NULL,
    content_type VARCHAR(100),
    location     VARCHAR(500),
    etag         VARCHAR(100),
    body         VARCHAR(100000),
    created_at   VARCHAR(40)  NOT NULL,
    PRIMARY KEY (user_id, idem_key)
);
