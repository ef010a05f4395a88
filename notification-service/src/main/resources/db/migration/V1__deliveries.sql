-- One row per alert and recipient: the unique key makes a redelivered alert queue nothing new, so each
-- recipient hears of an alert once.
CREATE TABLE delivery (
    id           uuid        PRIMARY KEY,
    alert_id     uuid        NOT NULL,
    workspace_id text        NOT NULL,
    channel      text        NOT NULL,
    address      text        NOT NULL,
    severity     text        NOT NULL,
    summary      text        NOT NULL,
    status       text        NOT NULL DEFAULT 'PENDING',
    attempts     integer     NOT NULL DEFAULT 0,
    last_error   text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    sent_at      timestamptz,
    UNIQUE (alert_id, channel, address)
);
CREATE INDEX delivery_pending ON delivery (created_at) WHERE status = 'PENDING';
CREATE INDEX delivery_by_workspace ON delivery (workspace_id, created_at);
