package io.quotah.poller.observations;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.quotah.contracts.events.RateLimitWindow;
import io.quotah.contracts.events.RateLimitWindow.WindowKind;
import io.quotah.platform.security.ApiSecurityAutoConfiguration;
import io.quotah.poller.web.BadInputException;
import io.quotah.poller.web.NotFoundException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The observations endpoint alone: the service's answers and refusals as the caller sees them. */
@WebMvcTest(ObservationController.class)
@ImportAutoConfiguration(ApiSecurityAutoConfiguration.class)
class ObservationControllerTest {

    private static final UUID KEY = UUID.fromString("5d0c3c1e-0b7e-4a53-9d0c-6f1d8c3a2b10");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Observations observations;

    @Test
    void an_accepted_observation_is_a_202_with_what_was_read() throws Exception {
        UUID snapshot = UUID.randomUUID();
        when(observations.record(eq("workspace-1"), eq(KEY), any())).thenReturn(new Observations.Accepted(snapshot,
                List.of(new RateLimitWindow(WindowKind.REQUESTS, 50L, 49L, null)), 1, null));

        mvc.perform(post("/api/api-keys/" + KEY + "/observations")
                        .with(jwt().jwt(token -> token.subject("workspace-1")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"headers\":{\"anthropic-ratelimit-requests-limit\":\"50\"}}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.snapshotId").value(snapshot.toString()))
                .andExpect(jsonPath("$.windows[0].limit").value(50))
                .andExpect(jsonPath("$.unreadableHeaders").value(1));
    }

    @Test
    void a_key_of_another_workspace_is_a_404_problem() throws Exception {
        when(observations.record(any(), any(), any()))
                .thenThrow(new NotFoundException("This workspace watches no key with that id"));

        mvc.perform(post("/api/api-keys/" + KEY + "/observations").with(jwt())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"headers\":{}}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("This workspace watches no key with that id"));
    }

    @Test
    void an_observation_from_the_future_is_a_400_naming_observed_at() throws Exception {
        when(observations.record(any(), any(), any())).thenThrow(new BadInputException("observedAt",
                "is in the future"));

        mvc.perform(post("/api/api-keys/" + KEY + "/observations").with(jwt())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"observedAt\":\"2099-01-01T00:00:00Z\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("observedAt"))
                .andExpect(jsonPath("$.errors[0].message").value("is in the future"));
    }

    @Test
    void an_unreadable_observed_at_is_a_400_before_the_service() throws Exception {
        mvc.perform(post("/api/api-keys/" + KEY + "/observations").with(jwt())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"observedAt\":\"yesterday\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("observedAt"));
        verifyNoInteractions(observations);
    }
}
