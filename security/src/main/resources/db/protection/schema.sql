-- One data key per data subject (the case ID), for the personal data in events, snapshots and read
-- models. The key is stored wrapped (AES-GCM) by the master key, never in plain. Erasure destroys it:
-- wrapped_key becomes NULL and the row stays as the record that the subject's data is gone, so no new
-- key can ever be created for that subject. The same DDL serves H2 and PostgreSQL.
CREATE TABLE IF NOT EXISTS personal_data_key (
    subject_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    wrapped_key  VARCHAR(200),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    destroyed_at TIMESTAMP WITH TIME ZONE,
    destroyed_by VARCHAR(64)
);
