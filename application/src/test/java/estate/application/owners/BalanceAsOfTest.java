package estate.application.owners;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import estate.application.support.ApiClient;
import estate.application.support.ApiClient.Response;
import estate.application.support.Scenario;
import estate.application.support.TestStores;
import estate.application.workorders.ClockedApp;
import estate.application.workorders.MutableClock;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.time.Instant;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/accounts/{id}/balance?asOf=yyyy-MM-dd}: the balance as the books stood at the end of that day in
 * the estate's zone (Asia/Shanghai, UTC+8), on a controlled application clock, with exact amounts.
 */
class BalanceAsOfTest {


    @AfterAll
    static void restoreTheEventClock() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    @Test
    void theBalanceAsOfEachDayCountsTheLinesRecordedByTheEndOfThatDayInTheEstatesZone() {
        // Monday 2 March 2026, 10:00 in Shanghai
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
        try (ClockedApp app = ClockedApp.start(TestStores.newDataDir(), clock)) {
            ApiClient api = app.api;
            Scenario given = new Scenario(api);
            given.ensureEstate("sunrise");
            String unit = given.unit("sunrise", given.building("sunrise", "As-of 1"), "AS-1201", "88.00");
            String account = given.account("sunrise", "OWNER", "Zhang Min", "13700000001", unit, "owner1");
            given.charge(account, "310.80", "2026-03");                        // 2 March, seq 1
            clock.set(Instant.parse("2026-03-03T15:30:00Z"));                 // 3 March, 23:30 in Shanghai
            given.payment(account, "100.10", "R-ASOF-1");                     // seq 2, allocated seq 3
            clock.set(Instant.parse("2026-03-03T16:30:00Z"));                 // 4 March, 00:30 (3 March in UTC)
            given.charge(account, "50.25", "2026-04");                         // seq 4
            clock.set(Instant.parse("2026-03-10T04:00:00Z"));                 // 10 March, noon
            given.payment(account, "300.00", "R-ASOF-2");                     // seq 5, allocated and credit seq 6
            String path = "/api/accounts/" + account + "/balance";
            Response now = eventually(() -> api.get("finance", path),
                    r -> r.status() == 200 && r.json().path("lastSequence").asLong() == 6);
            assertThat(now.json().get("balance").decimalValue()).isEqualByComparingTo("-39.05");
            assertThat(now.json().has("asOf")).isFalse();

            assertThat(asOf(api, path, "2026-03-02")).isEqualTo(expected(account, "2026-03-02",
                    "2026-03-02T16:00:00Z", "310.80", 1, 1));
            assertThat(asOf(api, path, "2026-03-03")).isEqualTo(expected(account, "2026-03-03",
                    "2026-03-03T16:00:00Z", "210.70", 3, 3));
            assertThat(asOf(api, path, "2026-03-04")).isEqualTo(expected(account, "2026-03-04",
                    "2026-03-04T16:00:00Z", "260.95", 4, 4));
            assertThat(asOf(api, path, "2026-03-09")).isEqualTo(expected(account, "2026-03-09",
                    "2026-03-09T16:00:00Z", "260.95", 4, 4));
            assertThat(asOf(api, path, "2026-03-10")).isEqualTo(expected(account, "2026-03-10",
                    "2026-03-10T16:00:00Z", "-39.05", 6, 6));
            assertThat(asOf(api, path, "2026-12-31").get("balance").decimalValue()).isEqualByComparingTo("-39.05");
            // the owner reads their own; auditors as well; others as for /balance
            assertThat(api.get("owner1", path + "?asOf=2026-03-03").json()).isEqualTo(
                    expected(account, "2026-03-03", "2026-03-03T16:00:00Z", "210.70", 3, 3));
            assertThat(api.get("auditor", path + "?asOf=2026-03-03").status()).isEqualTo(200);
            assertThat(api.get("owner2", path + "?asOf=2026-03-03").json().get("code").asText())
                    .isEqualTo("account-not-found");
            assertThat(api.get("maint", path + "?asOf=2026-03-03").status()).isEqualTo(403);

            Response before = api.get("finance", path + "?asOf=2026-03-01");
            assertThat(before.status()).isEqualTo(404);
            assertThat(before.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(before.json().get("code").asText()).isEqualTo("account-not-yet-opened");
            assertThat(before.json().get("detail").asText())
                    .isEqualTo("Account " + account + " was opened after 2026-03-01");

            Response invalid = api.get("finance", path + "?asOf=2026-13-01");
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.json().get("code").asText()).isEqualTo("invalid-parameter");

            // the ledger lines carry an index on accountId (ReadModelIndexes)
            assertThat(app.bean(MongoTemplate.class).indexOps("ledger_entries").getIndexInfo())
                    .anySatisfy(index -> assertThat(index.getName()).isEqualTo("accountId"));
        }
    }

    private static JsonNode asOf(ApiClient api, String path, String day) {
        Response response = api.get("finance", path + "?asOf=" + day);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode expected(String account, String day, String endOfDay, String balance, int entries,
                                     int lastSequence) {
        try {
            return new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature
                    .USE_BIG_DECIMAL_FOR_FLOATS).configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature
                    .STRIP_TRAILING_BIGDECIMAL_ZEROES, false).readTree("""
                    {"accountId":"%s","estateId":"sunrise","currency":"CNY","asOf":"%s","zoneId":"Asia/Shanghai",
                     "endOfDay":"%s","openedAt":"2026-03-02T02:00:00Z","balance":%s,"entries":%d,"lastSequence":%d}"""
                    .formatted(account, day, endOfDay, balance, entries, lastSequence));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
