package estate.application.operations;

import com.fasterxml.jackson.databind.JsonNode;
import estate.application.support.AbstractApiTest;
import estate.application.support.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code estate.benchmark.noop-processor=true} adds the tracking processor {@code benchmark-noop}, which reads the
 * whole log and writes nothing (absent by default: {@link ProcessorsEndpointTest}).
 */
@DirtiesContext
class BenchmarkNoopProcessorTest extends AbstractApiTest {

    private static final Path DATA = TestStores.newDataDir();

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        isolatedStores(registry, DATA);
        registry.add("estate.benchmark.noop-processor", () -> "true");
    }

    private static JsonNode noop(JsonNode status) {
        for (JsonNode processor : status.get("processors")) {
            if (processor.get("name").asText().equals(BenchmarkNoopProjection.GROUP)) {
                return processor;
            }
        }
        return null;
    }

    @Test
    void theNoopProcessorTracksTheWholeLogWhenEnabled() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "Noop 1"), unitNumber(), "60.00");
        given.account(SUNRISE, "OWNER", "Noop", "13900000009", unit, null);

        JsonNode status = eventually(() -> api.get("manager", "/actuator/processors").json(), s -> {
            JsonNode noop = noop(s);
            return noop != null && noop.get("caughtUp").asBoolean()
                    && noop.get("segments").get(0).get("position").asLong() == s.get("head").asLong();
        });
        long head = status.get("head").asLong();
        assertThat(head).isPositive();
        assertThat(noop(status).toString()).isEqualTo("{\"name\":\"benchmark-noop\",\"type\":\"tracking\","
                + "\"running\":true,\"error\":false,\"replaying\":false,\"caughtUp\":true,\"segments\":[{\"segment\":0,"
                + "\"position\":" + head + ",\"caughtUp\":true,\"replaying\":false,\"error\":false}]}");
    }
}
