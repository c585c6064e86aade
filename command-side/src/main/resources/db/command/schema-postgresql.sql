-- Axon's JDBC event storage with its default table and column names. BIGSERIAL for the global index.
CREATE TABLE IF NOT EXISTS DomainEventEntry (
    globalIndex         BIGSERIAL NOT NULL PRIMARY KEY,
    eventIdentifier     VARCHAR(255) NOT NULL UNIQUE,
    metaData            BYTEA,
    payload             BYTEA         NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    CONSTRAINT uk_domain_event_aggregate_sequence UNIQUE (aggregateIdentifier, sequenceNumber)
);

CREATE TABLE IF NOT EXISTS SnapshotEventEntry (
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventIdentifier     VARCHAR(255) NOT NULL UNIQUE,
    metaData            BYTEA,
    payload             BYTEA         NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregateIdentifier, sequenceNumber, type)
);

-- One case per person: keyed by the blind index of the ID number, never the number itself.
CREATE TABLE IF NOT EXISTS person_case (
    id_number_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    case_id        VARCHAR(64) NOT NULL UNIQUE
);

-- One skills subsidy per certificate (SUB-1), across all people: keyed by the keyed hash of the
-- normalised certificate number, written in the transaction of the CertificateSubmitted event.
CREATE TABLE IF NOT EXISTS subsidy_certificate (
    certificate_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    case_id          VARCHAR(64) NOT NULL,
    application_id   VARCHAR(64) NOT NULL
);

-- One employer per unified social credit code city-wide (JOB-3), written in the transaction of the
-- EmployerRegistered event. The code identifies an organisation, not a person: stored as it is.
CREATE TABLE IF NOT EXISTS employer_credit_code (
    credit_code VARCHAR(18) NOT NULL PRIMARY KEY,
    employer_id VARCHAR(64) NOT NULL UNIQUE
);

-- db-scheduler's table for Axon's persistent deadlines (the subsidy clocks, SUB-3..SUB-5), as its
-- documentation gives it for this database.
CREATE TABLE IF NOT EXISTS scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX IF NOT EXISTS scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX IF NOT EXISTS scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX IF NOT EXISTS scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
