-- Tables every stateful service keeps for its events, in the schema "platform" with its own migration
-- history, so they never collide with the service's own migrations in "public".

-- Events waiting to be forwarded to Kafka; written in the transaction of the change they report.
CREATE TABLE outbox_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    uuid        NOT NULL UNIQUE,
    topic       text        NOT NULL,
    message_key text        NOT NULL,
    event_type  text        NOT NULL,
    payload     text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Event ids a consumer has applied, recorded with the effect, so a redelivery is skipped.
CREATE TABLE processed_event (
    consumer     text        NOT NULL,
    event_id     uuid        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX processed_event_age ON processed_event (processed_at);
