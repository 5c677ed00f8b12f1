package estate.application.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import estate.application.support.ApiClient.Response;
import estate.application.support.ApplicationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/processors}: every processor's state and position against the log's head; rebuilding a read
 * model from the log gives exactly the same documents; who may look and who may rebuild.
 */
class ProcessorsEndpointTest extends ApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MeterRegistry meters;

    private JsonNode status() {
        Response response = api.get("auditor", "/actuator/processors");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode processor(JsonNode status, String name) {
        for (JsonNode processor : status.get("processors")) {
            if (processor.get("name").asText().equals(name)) {
                return processor;
            }
        }
        return null;
    }

    /** Every segment has read up to the head of the log, nothing is replaying. */
    private static boolean atHead(JsonNode status, String name) {
        JsonNode processor = processor(status, name);
        if (processor == null || !processor.get("running").asBoolean() || !processor.get("caughtUp").asBoolean()
                || processor.get("replaying").asBoolean()) {
            return false;
        }
        for (JsonNode segment : processor.get("segments")) {
            if (segment.get("position").asLong() != status.get("head").asLong()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void statusListsEveryProcessorAndShowsThemCaughtUpWithTheHeadOfTheLog() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "Processors 1"), unitNumber(), "80.00");
        String account = given.account(SUNRISE, "OWNER", "Status", "13900000001", unit, null);
        given.charge(account, "120.00", "2026-12");

        JsonNode status = eventually(this::status, s -> atHead(s, "account-balance"));
        List<String> names = new ArrayList<>();
        status.get("processors").forEach(p -> names.add(p.get("name").asText()));
        assertThat(names).isSorted().contains("account-balance", "command-lookups", "owners-and-billing",
                "service-desk").doesNotContain("benchmark-noop");

        JsonNode balance = processor(status, "account-balance");
        long head = status.get("head").asLong();
        assertThat(head).isPositive();
        assertThat(balance).isEqualTo(tree("""
                {"name":"account-balance","type":"tracking","running":true,"error":false,"replaying":false,
                 "caughtUp":true,"segments":[{"segment":0,"position":%d,"caughtUp":true,"replaying":false,
                 "error":false}]}""".formatted(head)));
        assertThat(processor(status, "command-lookups")).isEqualTo(tree("""
                {"name":"command-lookups","type":"subscribing","running":true,"error":false}"""));
        assertThat(api.get("manager", "/actuator/processors").status()).isEqualTo(200);
    }

    @Test
    void resettingAccountBalanceRebuildsExactlyTheSameBalanceAndLedgerFromTheLog() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "Processors 2"), unitNumber(), "95.50");
        String account = given.account(SUNRISE, "OWNER", "Rebuild", "13900000002", unit, "owner1");
        given.charge(account, "310.80", "2026-11");
        given.payment(account, "100.10", "R-REBUILD-1");
        given.charge(account, "0.35", "2026-12");
        // opened, charged, payment received, allocated, charged
        Response before = eventually(() -> api.get("finance", "/api/accounts/" + account + "/balance"),
                r -> r.status() == 200 && r.json().path("lastSequence").asLong() == 4);
        assertThat(before.json().get("balance").decimalValue()).isEqualByComparingTo("211.05");
        String ledgerBefore = api.get("finance", "/api/accounts/" + account + "/ledger").body();

        Response reset = api.post("manager", "/actuator/processors/account-balance", "{\"action\":\"reset\"}");
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().get("name").asText()).isEqualTo("account-balance");
        assertThat(reset.json().get("type").asText()).isEqualTo("tracking");
        assertThat(reset.json().get("running").asBoolean()).isTrue();

        eventually(this::status, s -> atHead(s, "account-balance"));
        Response after = api.get("finance", "/api/accounts/" + account + "/balance");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).isEqualTo(before.body());
        assertThat(api.get("finance", "/api/accounts/" + account + "/ledger").body()).isEqualTo(ledgerBefore);
    }

    @Test
    void onlyManagersRebuildAndUnknownOrSubscribingProcessorsAreRefused() {
        assertThat(api.get(null, "/actuator/processors").status()).isEqualTo(401);
        Response finance = api.get("finance", "/actuator/processors");
        assertThat(finance.status()).isEqualTo(403);
        assertThat(finance.json().get("code").asText()).isEqualTo("forbidden");
        assertThat(api.get("owner1", "/actuator/processors").status()).isEqualTo(403);
        for (String user : new String[]{"auditor", "finance", "cs"}) {
            Response refused = api.post(user, "/actuator/processors/account-balance", "{\"action\":\"reset\"}");
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.json().get("code").asText()).isEqualTo("forbidden");
        }

        Response unknown = api.post("manager", "/actuator/processors/no-such-thing", "{\"action\":\"reset\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(unknown.json()).isEqualTo(tree("""
                {"type":"about:blank","title":"Not Found","status":404,"detail":"No event processor no-such-thing",
                 "instance":"/actuator/processors/no-such-thing","code":"unknown-processor"}"""));

        Response subscribing = api.post("manager", "/actuator/processors/command-lookups", "{\"action\":\"reset\"}");
        assertThat(subscribing.status()).isEqualTo(409);
        assertThat(subscribing.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(subscribing.json()).isEqualTo(tree("""
                {"type":"about:blank","title":"Conflict","status":409,"detail":"Processor command-lookups is \
                subscribing; only tracking and pooled processors can be rebuilt from the log",
                 "instance":"/actuator/processors/command-lookups","code":"processor-not-resettable"}"""));

        for (String body : new String[]{"{\"action\":\"explode\"}", "{}"}) {
            Response invalid = api.post("manager", "/actuator/processors/account-balance", body);
            assertThat(invalid.status()).as(body).isEqualTo(400);
            assertThat(invalid.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(invalid.json()).isEqualTo(tree("""
                    {"type":"about:blank","title":"Bad Request","status":400,"detail":"The action must be \\"reset\\"",
                     "instance":"/actuator/processors/account-balance","code":"invalid-action"}"""));
        }
        assertThat(atHead(eventually(this::status, s -> atHead(s, "account-balance")), "account-balance")).isTrue();
    }

    @Test
    void theLagOfEachLiveEventIsTimedPerProcessor() {
        eventually(this::status, s -> atHead(s, "account-balance"));
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "Processors 3"), unitNumber(), "70.00");
        String account = given.account(SUNRISE, "OWNER", "Lag", "13900000003", unit, null);
        given.charge(account, "55.00", "2026-12");

        JsonNode metric = eventually(() -> api.get("auditor",
                        "/actuator/metrics/estate.projection.lag?tag=processor:account-balance"),
                r -> r.status() == 200 && measurement(r.json(), "COUNT") >= 1).json();
        assertThat(metric.get("baseUnit").asText()).isEqualTo("seconds");
        double total = measurement(metric, "TOTAL_TIME");
        double max = measurement(metric, "MAX");
        assertThat(total).isGreaterThan(0).isLessThan(15.0 * measurement(metric, "COUNT"));
        assertThat(max).isGreaterThan(0).isLessThan(15.0);

        // percentiles 0.5 and 0.99 on the timer; Prometheus gets the histogram (its percentiles come from buckets)
        Timer timer = meters.get("estate.projection.lag").tag("processor", "account-balance").timer();
        assertThat(timer.takeSnapshot().percentileValues()).extracting(ValueAtPercentile::percentile)
                .containsExactly(0.5, 0.99);
        String prometheus = api.get("auditor", "/actuator/prometheus").body();
        assertThat(prometheus).contains("estate_projection_lag_seconds_count{processor=\"account-balance\"}")
                .contains("estate_projection_lag_seconds_bucket{processor=\"account-balance\",le=\"+Inf\"}");
    }

    private static double measurement(JsonNode metric, String statistic) {
        for (JsonNode m : metric.get("measurements")) {
            if (m.get("statistic").asText().equals(statistic)) {
                return m.get("value").asDouble();
            }
        }
        throw new AssertionError("No " + statistic + " in " + metric);
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
