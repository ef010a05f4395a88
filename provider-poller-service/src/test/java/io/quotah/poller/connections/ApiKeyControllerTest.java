package io.quotah.poller.connections;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.quotah.contracts.events.Provider;
import io.quotah.platform.security.ApiSecurityAutoConfiguration;
import io.quotah.poller.web.ConflictException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The API Keys endpoints alone: what they take, how they show a key, and every refusal as problem+json. */
@WebMvcTest(ApiKeyController.class)
@ImportAutoConfiguration(ApiSecurityAutoConfiguration.class)
@Import(ApiKeyControllerTest.StillClock.class)
class ApiKeyControllerTest {

    private static final Instant NOW = Instant.parse("2026-12-01T04:00:00Z");
    private static final String KEY = "sk-ant-api03-slice-test-key-abcd";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Connections connections;

    @TestConfiguration(proxyBeanMethods = false)
    static class StillClock {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Test
    void an_added_key_is_201_with_its_location_and_shown_masked() throws Exception {
        Connection added = connection(UUID.randomUUID());
        when(connections.add(eq("workspace-1"), eq(Provider.ANTHROPIC), eq("Prod"), eq(KEY), eq(null), eq(false),
                eq(60))).thenReturn(added);

        mvc.perform(post("/api/api-keys").with(jwt().jwt(token -> token.subject("workspace-1")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"provider\":\"ANTHROPIC\",\"label\":\" Prod \",\"key\":\"" + KEY + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/api-keys/" + added.id()))
                .andExpect(jsonPath("$.maskedKey").value("sk-ant-…abcd"))
                .andExpect(jsonPath("$.key").doesNotExist())
                .andExpect(jsonPath("$.status").value("HEALTHY"));
    }

    @Test
    void a_missing_provider_and_a_blank_label_are_named_before_the_service_is_asked() throws Exception {
        mvc.perform(post("/api/api-keys").with(jwt()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"label\":\" \",\"key\":\"" + KEY + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'provider')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'label')]").exists());
        verifyNoInteractions(connections);
    }

    @Test
    void a_key_in_the_wrong_format_is_a_400_naming_the_field() throws Exception {
        when(connections.add(any(), any(), any(), any(), any(), anyBoolean(), anyInt()))
                .thenThrow(new InvalidKeyException("key", "is not an Anthropic API key"));

        mvc.perform(post("/api/api-keys").with(jwt()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"provider\":\"ANTHROPIC\",\"label\":\"Prod\",\"key\":\"sk-wrong\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("key"));
    }

    @Test
    void a_key_the_workspace_already_watches_is_a_409() throws Exception {
        when(connections.add(any(), any(), any(), any(), any(), anyBoolean(), anyInt()))
                .thenThrow(new ConflictException("This workspace already watches that key"));

        mvc.perform(post("/api/api-keys").with(jwt()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"provider\":\"ANTHROPIC\",\"label\":\"Prod\",\"key\":\"" + KEY + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("This workspace already watches that key"));
    }

    @Test
    void a_key_of_another_workspace_is_a_404_problem_whether_read_or_removed() throws Exception {
        UUID id = UUID.randomUUID();
        when(connections.find("workspace-1", id)).thenReturn(Optional.empty());
        when(connections.remove("workspace-1", id)).thenReturn(false);

        mvc.perform(get("/api/api-keys/" + id).with(jwt().jwt(token -> token.subject("workspace-1"))))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("This workspace watches no key with that id"));
        mvc.perform(delete("/api/api-keys/" + id).with(jwt().jwt(token -> token.subject("workspace-1"))))
                .andExpect(status().isNotFound());
    }

    private static Connection connection(UUID id) {
        return new Connection(id, "workspace-1", Provider.ANTHROPIC, "Prod", "sk-ant-…abcd", null, null, null, false,
                60, ConnectionStatus.HEALTHY, null, NOW, NOW, null, 0, NOW);
    }
}
