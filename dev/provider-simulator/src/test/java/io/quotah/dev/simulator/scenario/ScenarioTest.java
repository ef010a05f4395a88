package io.quotah.dev.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioTest {

    private static final String FULL = """
            {
              "usageReportDelaySeconds": 300,
              "keys": [
                {
                  "provider": "anthropic",
                  "name": "team-a",
                  "key": "sk-ant-api03-test-key-aaaa",
                  "adminKey": "sk-ant-admin01-test-admin-aaaa",
                  "id": "apikey_01TeamA",
                  "workspaceId": "wrkspc_01TeamA",
                  "limits": {
                    "sonnet": { "requestsPerMinute": 50, "inputTokensPerMinute": 30000, "outputTokensPerMinute": 8000 }
                  },
                  "countTokensRequestsPerMinute": 20,
                  "background": [
                    { "model": "claude-sonnet-4-5", "requestsPerMinute": 5, "inputTokens": 1000, "outputTokens": 100,
                      "wavePeriodMinutes": 10 }
                  ],
                  "fault": { "type": "slow", "slowMillis": 250 }
                },
                {
                  "provider": "openai",
                  "key": "sk-proj-test-key-bbbb",
                  "adminKey": "sk-admin-test-admin-bbbb",
                  "projectId": "proj_TeamB",
                  "limits": {
                    "gpt-4o-mini": { "requestsPerMinute": 500, "tokensPerMinute": 200000, "requestsPerDay": 10000 }
                  }
                }
              ]
            }
            """;

    @Test
    void reads_every_field_of_a_scenario_file(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scenario.json");
        Files.writeString(file, FULL);

        Scenario scenario = Scenario.load(file);

        assertThat(scenario.usageReportDelay()).isEqualTo(Duration.ofMinutes(5));
        KeySpec anthropic = scenario.keys().get(0);
        assertThat(anthropic.provider()).isEqualTo(Provider.ANTHROPIC);
        assertThat(anthropic.id()).isEqualTo("apikey_01TeamA");
        assertThat(anthropic.workspaceId()).isEqualTo("wrkspc_01TeamA");
        assertThat(anthropic.limits().get("sonnet")).isEqualTo(ModelLimits.anthropic(50, 30_000, 8_000));
        assertThat(anthropic.countTokensRequestsPerMinute()).isEqualTo(20);
        assertThat(anthropic.background()).containsExactly(
                BackgroundLoad.steady("claude-sonnet-4-5", 5, 1000, 100).withWave(10));
        assertThat(anthropic.fault()).isEqualTo(Fault.slow(250));
        KeySpec openAi = scenario.keys().get(1);
        assertThat(openAi.projectId()).isEqualTo("proj_TeamB");
        assertThat(openAi.limits().get("gpt-4o-mini"))
                .isEqualTo(ModelLimits.openAi(500, 200_000).withRequestsPerDay(10_000));
        assertThat(openAi.fault()).isEqualTo(Fault.NONE);
    }

    @Test
    void derives_stable_ids_from_the_secrets_when_none_are_given() {
        Scenario once = Scenario.fromJson(FULL);
        Scenario again = Scenario.fromJson(FULL);

        KeySpec openAi = once.keys().get(1);
        assertThat(openAi.id()).startsWith("key_").isEqualTo(again.keys().get(1).id());
        assertThat(openAi.organizationId()).startsWith("org-").isEqualTo(again.keys().get(1).organizationId());
        assertThat(once.keys().get(0).organizationId()).matches("[0-9a-f-]{36}");
    }

    @Test
    void round_trips_through_json() {
        Scenario scenario = Scenario.fromJson(FULL);

        assertThat(Scenario.fromJson(scenario.toJson())).isEqualTo(scenario);
    }

    @Test
    void the_built_in_default_has_one_demo_key_per_provider_with_an_admin_key_and_traffic() {
        Scenario scenario = Scenario.defaultScenario();

        assertThat(scenario.keys()).extracting(KeySpec::provider)
                .containsExactly(Provider.ANTHROPIC, Provider.OPENAI);
        assertThat(scenario.keys()).allSatisfy(key -> {
            assertThat(key.key()).contains("-demo-only-");
            assertThat(key.adminKey()).contains("-demo-only-");
            assertThat(key.background()).isNotEmpty();
        });
        assertThat(scenario.keys().get(0).key()).startsWith("sk-ant-api03-demo-only-");
        assertThat(scenario.keys().get(1).key()).startsWith("sk-proj-demo-only-");
    }

    @Test
    void names_the_field_of_a_typo() {
        String typo = FULL.replace("\"requestsPerDay\"", "\"requestPerDay\"");

        assertThatThrownBy(() -> Scenario.fromJson(typo))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("requestPerDay")
                .hasMessageContaining("keys[1].limits");
    }

    @Test
    void rejects_a_key_of_the_wrong_format() {
        assertThatThrownBy(() -> KeySpec.anthropic("sk-proj-not-anthropic-0000")
                .limits("sonnet", ModelLimits.anthropic(1, 1, 1)).build())
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("sk-ant-api03-");
        assertThatThrownBy(() -> KeySpec.openAi("sk-proj-abcd-0000").adminKey("sk-proj-not-admin-0000")
                .limits("gpt-4o", ModelLimits.openAi(1, 1)).build())
                .hasMessageContaining("sk-admin-");
    }

    @Test
    void rejects_limits_that_do_not_fit_the_provider() {
        assertThatThrownBy(() -> KeySpec.anthropic("sk-ant-api03-abcd-0000")
                .limits("sonnet", ModelLimits.openAi(50, 30_000)).build())
                .hasMessageContaining("inputTokensPerMinute is required");
        assertThatThrownBy(() -> KeySpec.anthropic("sk-ant-api03-abcd-0000")
                .limits("gpt-4o", ModelLimits.anthropic(50, 30_000, 8_000)).build())
                .hasMessageContaining("unknown model class 'gpt-4o'");
    }

    @Test
    void rejects_background_traffic_on_a_model_without_limits() {
        assertThatThrownBy(() -> KeySpec.anthropic("sk-ant-api03-abcd-0000")
                .limits("sonnet", ModelLimits.anthropic(50, 30_000, 8_000))
                .background(BackgroundLoad.steady("claude-haiku-4-5", 5, 100, 10))
                .build())
                .hasMessageContaining("class 'haiku'");
    }

    @Test
    void rejects_the_same_key_twice() {
        KeySpec key = KeySpec.openAi("sk-proj-abcd-0000").limits("gpt-4o", ModelLimits.openAi(1, 1)).build();

        assertThatThrownBy(() -> Scenario.builder().key(key).key(key).build())
                .hasMessageContaining("appears twice");
    }

    @Test
    void rejects_an_unknown_fault_type_with_the_known_ones() {
        String bad = FULL.replace("\"type\": \"slow\"", "\"type\": \"exploding\"");

        assertThatThrownBy(() -> Scenario.fromJson(bad))
                .hasMessageContaining("exploding")
                .hasMessageContaining("spend_cap");
    }
}
