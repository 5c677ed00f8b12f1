-- Command-side lookups: kept in step with the events in the transaction that stores them (a subscribing
-- processor), consulted by command handlers for rules across aggregates and by the API for authorization.
CREATE TABLE IF NOT EXISTS lookup_estate (
    estate_id VARCHAR(128) PRIMARY KEY,
    currency  VARCHAR(3)  NOT NULL,
    zone_id   VARCHAR(128) NOT NULL
);
CREATE TABLE IF NOT EXISTS lookup_unit (
    unit_id   VARCHAR(128) PRIMARY KEY,
    estate_id VARCHAR(128) NOT NULL
);
CREATE TABLE IF NOT EXISTS lookup_account (
    account_id  VARCHAR(128) PRIMARY KEY,
    estate_id   VARCHAR(128) NOT NULL,
    holder_type VARCHAR(16) NOT NULL,
    portal_user VARCHAR(100)
);
-- One active owner account and one active tenant account per unit: the primary key is the rule.
CREATE TABLE IF NOT EXISTS lookup_unit_holder (
    unit_id     VARCHAR(128) NOT NULL,
    holder_type VARCHAR(16) NOT NULL,
    account_id  VARCHAR(128) NOT NULL,
    PRIMARY KEY (unit_id, holder_type)
);
-- The first response to each (user, Idempotency-Key), stored in the transaction of the command it answers.
CREATE TABLE IF NOT EXISTS idempotency_record (
    user_id      VARCHAR(100) NOT NULL,
    idem_key     VARCHAR(100) NOT NULL,
    fingerprint  VARCHAR(128)  NOT NULL,
    status       INT          NOT NULL,
    content_type VARCHAR(100),
    location     VARCHAR(500),
    etag         VARCHAR(100),
    body         VARCHAR(100000),
    created_at   VARCHAR(40)  NOT NULL,
    PRIMARY KEY (user_id, idem_key)
);
-- Billing facts, kept in the command's transaction like the lookups above.
ALTER TABLE lookup_unit ADD COLUMN IF NOT EXISTS floor_area DECIMAL(12, 2);
ALTER TABLE lookup_unit ADD COLUMN IF NOT EXISTS unit_use VARCHAR(16);
-- A bill run reads the units of one estate (holdings, meter consumption): without it, every unit of the company.
CREATE INDEX IF NOT EXISTS lookup_unit_estate ON lookup_unit (estate_id);
-- Who held which unit when (from/to inclusive; null = open-ended): bill runs prorate by these days.
CREATE TABLE IF NOT EXISTS lookup_unit_holding (
    holding_id  VARCHAR(200) PRIMARY KEY,
    unit_id     VARCHAR(128)  NOT NULL,
    account_id  VARCHAR(128)  NOT NULL,
    holder_type VARCHAR(16)  NOT NULL,
    from_date   DATE,
    to_date     DATE
);
CREATE INDEX IF NOT EXISTS lookup_unit_holding_unit ON lookup_unit_holding (unit_id);
CREATE INDEX IF NOT EXISTS lookup_unit_holding_account ON lookup_unit_holding (account_id);
-- Metered consumption per reading, priced by the bill run of the reading's month.
CREATE TABLE IF NOT EXISTS lookup_meter_consumption (
    meter_id    VARCHAR(200) NOT NULL,
    sequence_no BIGINT       NOT NULL,
    unit_id     VARCHAR(128)  NOT NULL,
    item_code   VARCHAR(32)  NOT NULL,
    read_on     DATE         NOT NULL,
    consumption DECIMAL(18, 3) NOT NULL,
    PRIMARY KEY (meter_id, sequence_no)
);
-- Charges on open accounts (closing an account removes its rows): a bill run does not post again the lines listed
-- here. The account aggregate stays the authority: a line missing here (charged before this table existed) is sent
-- to it and skipped there.
CREATE TABLE IF NOT EXISTS lookup_charge (
    account_id VARCHAR(128) NOT NULL,
    charge_id  VARCHAR(200) NOT NULL,
    estate_id  VARCHAR(128) NOT NULL,
    period     VARCHAR(7),
    PRIMARY KEY (account_id, charge_id)
);
CREATE INDEX IF NOT EXISTS lookup_charge_period ON lookup_charge (estate_id, period);
-- Bill runs not yet complete are resumed at start-up.
CREATE TABLE IF NOT EXISTS billing_run (
    run_id    VARCHAR(128) PRIMARY KEY,
    estate_id VARCHAR(128)  NOT NULL,
    period    VARCHAR(7)   NOT NULL,
    status    VARCHAR(16)  NOT NULL
);
-- Work orders: command-side lookups kept by the subscribing processor workorder-lookups, in the command's
-- transaction. Who may act on an order (its estate, reporter, assignee), each estate's service terms (JSON).
CREATE TABLE IF NOT EXISTS workorder_lookup (
    work_order_id  VARCHAR(128) PRIMARY KEY,
    estate_id      VARCHAR(128) NOT NULL,
    reported_by    VARCHAR(100),
    assignee_staff VARCHAR(100),
    assigned       BOOLEAN      NOT NULL,
    sla_paused     BOOLEAN      NOT NULL
);
CREATE TABLE IF NOT EXISTS workorder_service_terms (
    estate_id VARCHAR(128)  PRIMARY KEY,
    terms     VARCHAR(2000) NOT NULL
);
-- SLA deadlines that are running (epoch milliseconds; deadlines are whole seconds), swept by SlaDeadlineSweeper.
CREATE TABLE IF NOT EXISTS workorder_sla_deadline (
    work_order_id VARCHAR(128) NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    estate_id     VARCHAR(128) NOT NULL,
    due_at        BIGINT       NOT NULL,
    PRIMARY KEY (work_order_id, kind)
);
CREATE INDEX IF NOT EXISTS workorder_sla_deadline_due ON workorder_sla_deadline (due_at);
-- The next due date of each active inspection plan, read by InspectionScheduler.
CREATE TABLE IF NOT EXISTS workorder_inspection_due (
    plan_id   VARCHAR(128) PRIMARY KEY,
    estate_id VARCHAR(128) NOT NULL,
    next_due  DATE         NOT NULL
);
-- Tokens of the work-order process managers (repair-charges, inspection-rounds): beside the events, so that a
-- process step's commands and its token commit together, and every instance sees one claim.
CREATE TABLE IF NOT EXISTS workorder_process_token (
    processorName VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         VARCHAR(100000),
    tokenType     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    PRIMARY KEY (processorName, segment)
);
-- Complaints: command-side lookups kept by the subscribing processor complaint-lookups, in the command's
-- transaction. Each complaint's estate, account and receipt (repeat detection, access), each estate's care terms.
CREATE TABLE IF NOT EXISTS complaint_lookup (
    complaint_id VARCHAR(128) PRIMARY KEY,
    estate_id    VARCHAR(128) NOT NULL,
    account_id   VARCHAR(128),
    received_by  VARCHAR(100) NOT NULL,
    received_at  BIGINT       NOT NULL
);
CREATE INDEX IF NOT EXISTS complaint_lookup_account ON complaint_lookup (account_id, received_at);
CREATE TABLE IF NOT EXISTS complaint_care_terms (
    estate_id VARCHAR(128)  PRIMARY KEY,
    terms     VARCHAR(4000) NOT NULL
);
-- Rapid-response deadlines that are running (epoch milliseconds), swept by ComplaintDeadlineSweeper.
CREATE TABLE IF NOT EXISTS complaint_deadline (
    complaint_id VARCHAR(128) NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    estate_id    VARCHAR(128) NOT NULL,
    due_at       BIGINT       NOT NULL,
    PRIMARY KEY (complaint_id, kind)
);
CREATE INDEX IF NOT EXISTS complaint_deadline_due ON complaint_deadline (due_at);
-- Work orders requested by complaints: the link back from the work order to its complaint.
CREATE TABLE IF NOT EXISTS complaint_work_order (
    work_order_id VARCHAR(128) PRIMARY KEY,
    complaint_id  VARCHAR(128) NOT NULL
);
-- Tokens of the complaint process manager (complaint-work-orders), beside the events like the work orders'.
CREATE TABLE IF NOT EXISTS complaint_process_token (
    processorName VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         VARCHAR(100000),
    tokenType     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    PRIMARY KEY (processorName, segment)
);
-- Satisfaction surveys: the building of each unit, so a survey sent to one building knows who may answer.
CREATE TABLE IF NOT EXISTS survey_unit_building (
    unit_id     VARCHAR(128) PRIMARY KEY,
    building_id VARCHAR(128)
);
