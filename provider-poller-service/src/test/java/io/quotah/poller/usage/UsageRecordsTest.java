package io.quotah.poller.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.quotah.contracts.events.Provider;
import io.quotah.contracts.events.UsageEvent;
import io.quotah.poller.connections.Connection;
import io.quotah.poller.connections.ConnectionStatus;
import io.quotah.poller.usage.UsageIngest.FieldProblem;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One customer usage record, checked on its own: every reason told at once, every count bounded. */
class UsageRecordsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T04:00:00Z");
    private static final UUID KEY = UUID.fromString("5d0c3c1e-0b7e-4a53-9d0c-6f1d8c3a2b10");
    private static final Connection WATCHED = new Connection(KEY, "workspace-1", Provider.OPENAI, "Prod", "sk-…abcd",
            null, null, null, false, 60, ConnectionStatus.HEALTHY, null, NOW, NOW, null, 0, NOW);
    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    private final UsageRecords records = new UsageRecords(VALIDATION.getValidator());
    private final JsonMapper json = JsonMapper.builder().build();

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void a_good_record_becomes_an_ingest_event_with_absent_counts_as_zero_and_one_request() {
        UsageEvent event = check("""
                {"id":"r-1","keyId":"%s","model":"gpt-4o","occurredAt":"2026-12-01T03:00:00Z","inputTokens":100,
                 "outputTokens":20,"reasoningTokens":5,"serviceTier":"flex","somethingElse":true}""".formatted(KEY))
                .event();

        assertThat(event.connectionId()).isEqualTo(KEY);
        assertThat(event.source()).isEqualTo(UsageEvent.UsageSource.INGEST);
        assertThat(event.requests()).isEqualTo(1);
        assertThat(event.inputTokens()).isEqualTo(100);
        assertThat(event.cacheReadTokens()).isZero();
        assertThat(event.reasoningTokens()).isEqualTo(5);
        assertThat(event.serviceTier()).isEqualTo("flex");
    }

    @Test
    void the_same_id_for_the_same_key_is_the_same_event() {
        String record = """
                {"id":"r-1","keyId":"%s","model":"gpt-4o","occurredAt":"2026-12-01T03:00:00Z"}""".formatted(KEY);

        assertThat(check(record).event().eventId()).isEqualTo(check(record).event().eventId());
    }

    @Test
    void a_wrong_time_and_a_negative_count_are_both_named() {
        UsageRecords.Checked checked = check("""
                {"id":"r-3","keyId":"%s","model":"gpt-4o","occurredAt":"yesterday","outputTokens":-5}"""
                .formatted(KEY));

        assertThat(checked.event()).isNull();
        assertThat(checked.problems()).containsExactlyInAnyOrder(
                new FieldProblem("occurredAt", "is not an ISO-8601 instant such as 2026-11-27T10:15:30Z"),
                new FieldProblem("outputTokens", UsageRecord.COUNT));
    }

    @Test
    void counts_are_bounded_to_a_trillion_and_whole() {
        UsageRecords.Checked checked = check("""
                {"id":"r-4","keyId":"%s","model":"gpt-4o","occurredAt":"2026-12-01T03:00:00Z",
                 "inputTokens":1000000000001,"outputTokens":100000000000000000000000000000,"cacheReadTokens":1.5,
                 "requests":"12","cacheWrite5mTokens":true,"cacheWrite1hTokens":""}""".formatted(KEY));

        assertThat(checked.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("inputTokens",
                "outputTokens", "cacheReadTokens", "requests", "cacheWrite5mTokens", "cacheWrite1hTokens");
        assertThat(checked.problems()).extracting(FieldProblem::message).containsOnly(UsageRecord.COUNT);
    }

    @Test
    void a_trillion_exactly_is_taken() {
        assertThat(check("""
                {"id":"r-5","keyId":"%s","model":"gpt-4o","occurredAt":"2026-12-01T03:00:00Z",
                 "inputTokens":1000000000000}""".formatted(KEY)).event().inputTokens()).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void a_time_that_is_not_iso_8601_text_is_refused_and_a_number_id_is_not_a_string() {
        assertThat(check("""
                {"id":7,"keyId":"%s","model":"m","occurredAt":1764558000}""".formatted(KEY)).problems())
                .containsExactlyInAnyOrder(
                        new FieldProblem("occurredAt", "is not an ISO-8601 instant such as 2026-11-27T10:15:30Z"),
                        new FieldProblem("id", "must be a string"));
    }

    @Test
    void missing_fields_are_required() {
        assertThat(check("{}").problems()).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("id", "keyId", "model", "occurredAt");
    }

    @Test
    void a_key_the_workspace_does_not_watch_or_that_is_no_uuid_is_named() {
        String unknown = """
                {"id":"r","keyId":"%s","model":"m","occurredAt":"2026-12-01T03:00:00Z"}""".formatted(UUID.randomUUID());
        String notUuid = """
                {"id":"r","keyId":"not-a-key","model":"m","occurredAt":"2026-12-01T03:00:00Z"}""";

        assertThat(check(unknown).problems()).containsExactly(new FieldProblem("keyId",
                "is not a key this workspace watches"));
        assertThat(check(notUuid).problems()).containsExactly(new FieldProblem("keyId", "is not a UUID"));
    }

    @Test
    void the_future_beyond_five_minutes_and_more_than_400_days_ago_are_refused() {
        assertThat(check(at("2026-12-01T04:06:00Z")).problems()).containsExactly(new FieldProblem("occurredAt",
                "is in the future"));
        assertThat(check(at("2025-10-26T00:00:00Z")).problems()).containsExactly(new FieldProblem("occurredAt",
                "is more than 400 days ago"));
    }

    @Test
    void reasoning_tokens_cannot_exceed_output_tokens_and_tiers_are_known_ones() {
        assertThat(check("""
                {"id":"r","keyId":"%s","model":"m","occurredAt":"2026-12-01T03:00:00Z","outputTokens":3,
                 "reasoningTokens":4,"serviceTier":"gold"}""".formatted(KEY)).problems())
                .extracting(FieldProblem::field).containsExactlyInAnyOrder("reasoningTokens", "serviceTier");
    }

    @Test
    void a_record_that_is_not_an_object_is_refused_as_a_whole() {
        assertThat(check("42").problems()).containsExactly(new FieldProblem("", "must be an object"));
    }

    private String at(String instant) {
        return """
                {"id":"r","keyId":"%s","model":"m","occurredAt":"%s"}""".formatted(KEY, instant);
    }

    private UsageRecords.Checked check(String record) {
        JsonNode node = json.readTree(record);
        return records.check("workspace-1", node, NOW, key -> key.equals(KEY) ? Optional.of(WATCHED)
                : Optional.empty());
    }
}
