package io.quotah.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quotah.contracts.events.EventType;
import io.quotah.contracts.events.Money;
import io.quotah.contracts.events.QuotahEvent;
import io.quotah.contracts.events.SampleEvents;
import io.quotah.contracts.events.UsageEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {

    private final EventCodec codec = EventCodec.standard();

    static java.util.List<QuotahEvent> events() {
        return SampleEvents.all();
    }

    @ParameterizedTest
    @MethodSource("events")
    void every_event_round_trips_unchanged(QuotahEvent event) {
        byte[] json = codec.encode(event);

        QuotahEvent read = codec.decode(event.type(), json);

        assertThat(read).isEqualTo(event);
    }

    @Test
    void money_and_instants_travel_as_exact_strings() {
        String json = codec.encodeToString(SampleEvents.usage());

        assertThat(json).contains("\"amount\":\"0.0123\"", "\"bucketStart\":\"2026-11-27T10:00:00Z\"");
    }

    @Test
    void amounts_below_a_millionth_travel_as_plain_decimals_the_schema_accepts() {
        UsageEvent usage = SampleEvents.usage();
        UsageEvent probe = new UsageEvent(usage.eventId(), usage.workspaceId(), usage.occurredAt(), 1,
                usage.connectionId(), usage.provider(), usage.providerKeyId(), "gpt-5-nano", usage.bucketStart(),
                usage.bucketEnd(), 1, 8, 1, 0, 0, 0, null, "default", Money.usd("0.00000045"), usage.source());

        String json = codec.encodeToString(probe);

        QuotahEvent read = codec.decode(probe.type(), json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(json).contains("\"amount\":\"0.00000045\"").doesNotContain("E-");
        assertThat(read).isEqualTo(probe);
    }

    @Test
    void a_missing_required_field_is_refused_naming_the_field() {
        String json = codec.encodeToString(SampleEvents.snapshot()).replaceFirst("\"connectionId\":\"[^\"]+\",", "");

        assertThatThrownBy(() -> codec.decode(EventType.RATE_LIMIT_SNAPSHOT, bytes(json)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("connectionId");
    }

    @Test
    void a_wrong_type_is_refused_naming_the_field() {
        String json = codec.encodeToString(SampleEvents.snapshot()).replace("\"limit\":4000,", "\"limit\":\"lots\",");

        assertThatThrownBy(() -> codec.decode(EventType.RATE_LIMIT_SNAPSHOT, bytes(json)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("$.windows[0].limit")
                .extracting(e -> ((InvalidEventException) e).violations()).asList().hasSize(1);
    }

    @Test
    void a_negative_token_count_is_refused() {
        String json = codec.encodeToString(SampleEvents.usage()).replace("\"outputTokens\":8000", "\"outputTokens\":-1");

        assertThatThrownBy(() -> codec.decode(EventType.USAGE_EVENT, bytes(json)))
                .hasMessageContaining("$.outputTokens");
    }

    @Test
    void an_instant_without_utc_is_refused() {
        String json = codec.encodeToString(SampleEvents.alert()).replace("2026-11-27T10:15:30.123Z", "yesterday");

        assertThatThrownBy(() -> codec.decode(EventType.ALERT_RAISED, bytes(json)))
                .hasMessageContaining("$.occurredAt");
    }

    @Test
    void bytes_that_are_not_json_are_refused() {
        assertThatThrownBy(() -> codec.decode(EventType.USER_DELETED, bytes("{not json")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void fields_added_by_a_newer_producer_are_ignored() {
        var event = SampleEvents.connectionChanged();
        String json = codec.encodeToString(event).replaceFirst("\\{", "{\"addedLater\":true,");

        assertThat((QuotahEvent) codec.decode(EventType.CONNECTION_CHANGED, bytes(json))).isEqualTo(event);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
