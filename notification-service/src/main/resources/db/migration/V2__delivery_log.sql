-- The delivery log: one row per alert, state, channel and recipient (RAISED and RESOLVED of one alert are two
-- messages), with what it takes to render the message, where it stands, and every attempt.

-- Rows queued before messages were sent were never sent: they stay, marked as such, and are not sent now.
UPDATE delivery SET status = 'FAILED', last_error = 'queued before notification-service sent messages; not sent'
WHERE status = 'PENDING';

ALTER TABLE delivery DROP CONSTRAINT IF EXISTS delivery_alert_id_channel_address_key;
DROP INDEX IF EXISTS delivery_pending;

ALTER TABLE delivery
    ADD COLUMN state            text        NOT NULL DEFAULT 'RAISED',
    ADD COLUMN rule_id          uuid,
    -- the AlertRaised that queued the row, without its recipients: what the message is rendered from
    ADD COLUMN event_id         uuid,
    ADD COLUMN payload          jsonb,
    -- a WEBHOOK recipient's secret, kept only while the delivery may still be sent
    ADD COLUMN signing_secret   text,
    ADD COLUMN next_attempt_at  timestamptz,
    ADD COLUMN first_attempt_at timestamptz,
    -- set while a replica holds the row (next_attempt_at is then the end of its lease)
    ADD COLUMN claim_id         uuid,
    -- orders rows queued in one transaction as their recipients were listed
    ADD COLUMN seq              bigint GENERATED ALWAYS AS IDENTITY;

ALTER TABLE delivery ALTER COLUMN state DROP DEFAULT;
ALTER TABLE delivery ADD CONSTRAINT delivery_once UNIQUE (alert_id, state, channel, address);
ALTER TABLE delivery ADD CONSTRAINT delivery_state CHECK (state IN ('RAISED', 'RESOLVED'));
ALTER TABLE delivery ADD CONSTRAINT delivery_status CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'SUPPRESSED'));
ALTER TABLE delivery ADD CONSTRAINT delivery_pending_is_due CHECK (status <> 'PENDING' OR next_attempt_at IS NOT NULL);

DROP INDEX IF EXISTS delivery_by_workspace;
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_by_alert ON delivery (workspace_id, alert_id);

-- Every try of a delivery: when, how it ended, and what the receiver or the network said.
CREATE TABLE delivery_attempt (
    delivery_id  uuid        NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
    workspace_id text        NOT NULL,
    attempt      integer     NOT NULL,
    attempted_at timestamptz NOT NULL,
    result       text        NOT NULL CHECK (result IN ('SENT', 'TRANSIENT_ERROR', 'PERMANENT_ERROR')),
    error        text,
    PRIMARY KEY (delivery_id, attempt)
);
CREATE INDEX delivery_attempt_by_workspace ON delivery_attempt (workspace_id);

-- Addresses (lower case) that unsubscribed from a rule's mail.
CREATE TABLE suppression (
    workspace_id text        NOT NULL,
    rule_id      uuid        NOT NULL,
    address      text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, rule_id, address)
);
