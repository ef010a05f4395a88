package io.quotah.poller.usage;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A batch of usage records from a customer's own code. Only the batch is checked here: each record is read
 * and checked on its own by {@link UsageIngest}, so one bad record never sinks the good ones beside it.
 */
record UsageBatch(
        @NotEmpty(message = "is required: a non-empty array of usage records")
        @Size(max = UsageIngest.MAX_BATCH, message = "holds more than {max} records; send at most {max} per batch")
        List<JsonNode> events) {
}
