package io.quotah.poller.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.quotah.platform.security.ApiSecurityAutoConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The usage batch endpoint alone: what it refuses as a whole, and that it hands the rest to the ingest. */
@WebMvcTest(UsageIngestController.class)
@ImportAutoConfiguration(ApiSecurityAutoConfiguration.class)
class UsageIngestControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    UsageIngest ingest;

    @Test
    void hands_each_record_of_the_callers_batch_to_the_ingest_and_answers_what_it_kept() throws Exception {
        when(ingest.ingest(eq("workspace-1"), anyList())).thenReturn(new UsageIngest.Answer(1, List.of(
                new UsageIngest.Rejection(1, "r-2", List.of(new UsageIngest.FieldProblem("keyId", "is not a UUID"))))));

        mvc.perform(post("/api/usage/events").with(jwt().jwt(token -> token.subject("workspace-1")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"events":[{"id":"r-1","outputTokens":1.5},{"id":"r-2","keyId":"nope"}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected[0].index").value(1))
                .andExpect(jsonPath("$.rejected[0].id").value("r-2"))
                .andExpect(jsonPath("$.rejected[0].errors[0].field").value("keyId"))
                .andExpect(jsonPath("$.rejected[0].errors[0].message").value("is not a UUID"));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<JsonNode>> records = ArgumentCaptor.forClass(List.class);
        verify(ingest).ingest(eq("workspace-1"), records.capture());
        assertThat(records.getValue()).hasSize(2);
    }

    @Test
    void refuses_an_empty_batch_naming_events() throws Exception {
        mvc.perform(post("/api/usage/events").with(jwt()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"events\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("events"))
                .andExpect(jsonPath("$.errors[0].message").value("is required: a non-empty array of usage records"));
        verifyNoInteractions(ingest);
    }

    @Test
    void refuses_a_body_without_events() throws Exception {
        mvc.perform(post("/api/usage/events").with(jwt()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("events"));
        verifyNoInteractions(ingest);
    }

    @Test
    void refuses_a_batch_of_more_than_1000_records() throws Exception {
        String records = String.join(",", java.util.Collections.nCopies(UsageIngest.MAX_BATCH + 1, "{}"));
        mvc.perform(post("/api/usage/events").with(jwt()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"events\":[" + records + "]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("events"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("holds more than 1000 records; send at most 1000 per batch"));
        verifyNoInteractions(ingest);
    }

    @Test
    void answers_401_without_a_token() throws Exception {
        mvc.perform(post("/api/usage/events").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"events\":[{}]}"))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(ingest);
    }
}
