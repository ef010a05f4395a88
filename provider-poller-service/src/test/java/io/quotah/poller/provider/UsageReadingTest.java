package io.quotah.poller.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.quotah.contracts.events.Provider;
import io.quotah.poller.provider.anthropic.AnthropicAdapter;
import io.quotah.poller.provider.anthropic.AnthropicSettings;
import io.quotah.poller.provider.openai.OpenAiAdapter;
import io.quotah.poller.provider.openai.OpenAiSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Usage objects shaped as PROVIDERS.md records them: every token kind apart, nothing counted twice. */
class UsageReadingTest {

    private static final ProviderHttp HTTP = new ProviderHttp(new ProviderSettings(Duration.ofSeconds(1),
            Duration.ofSeconds(1)));

    private final ProviderAdapters adapters = new ProviderAdapters(List.of(
            new AnthropicAdapter(HTTP, new AnthropicSettings(null, null)),
            new OpenAiAdapter(HTTP, new OpenAiSettings(null, null))));

    @Test
    void anthropic_keeps_cache_writes_by_their_time_to_live_and_reads_apart() {
        String body = """
                {"id":"msg_1","type":"message","model":"claude-sonnet-4-5-20250929","usage":{
                  "input_tokens":120,"output_tokens":300,"cache_creation_input_tokens":2500,
                  "cache_read_input_tokens":4000,
                  "cache_creation":{"ephemeral_5m_input_tokens":500,"ephemeral_1h_input_tokens":2000},
                  "service_tier":"standard","server_tool_use":{"web_search_requests":0}}}""";

        assertThat(adapters.of(Provider.ANTHROPIC).orElseThrow().readUsage(body)).contains(new UsageReading(
                "claude-sonnet-4-5-20250929", 120, 300, 500, 2000, 4000, null, "standard"));
    }

    @Test
    void anthropic_cache_writes_without_the_split_are_five_minute_ones() {
        String body = """
                {"model":"claude-haiku-4-5","usage":{"input_tokens":10,"output_tokens":1,
                  "cache_creation_input_tokens":700,"cache_read_input_tokens":0}}""";

        assertThat(adapters.of(Provider.ANTHROPIC).orElseThrow().readUsage(body).orElseThrow())
                .extracting(UsageReading::cacheWrite5mTokens, UsageReading::cacheWrite1hTokens)
                .containsExactly(700L, 0L);
    }

    @Test
    void openai_chat_cached_tokens_are_inside_prompt_tokens_and_are_taken_out() {
        String body = """
                {"object":"chat.completion","model":"gpt-4o-mini-2024-07-18","service_tier":"default","usage":{
                  "prompt_tokens":3006,"completion_tokens":400,"total_tokens":3406,
                  "prompt_tokens_details":{"cached_tokens":1024},
                  "completion_tokens_details":{"reasoning_tokens":0}}}""";

        assertThat(adapters.of(Provider.OPENAI).orElseThrow().readUsage(body)).contains(new UsageReading(
                "gpt-4o-mini-2024-07-18", 1982, 400, 0, 0, 1024, 0L, "default"));
    }

    @Test
    void openai_responses_api_usage() {
        String body = """
                {"object":"response","model":"gpt-5-mini","usage":{"input_tokens":2048,
                  "input_tokens_details":{"cached_tokens":2048},"output_tokens":900,
                  "output_tokens_details":{"reasoning_tokens":640},"total_tokens":2948}}""";

        assertThat(adapters.of(Provider.OPENAI).orElseThrow().readUsage(body)).contains(new UsageReading(
                "gpt-5-mini", 0, 900, 0, 0, 2048, 640L, null));
    }

    @Test
    void a_body_without_usage_reads_as_none() {
        assertThat(adapters.of(Provider.OPENAI).orElseThrow().readUsage("{\"error\":{}}")).isEmpty();
        assertThat(adapters.of(Provider.ANTHROPIC).orElseThrow().readUsage("<html>bad gateway</html>")).isEmpty();
    }
}
