package estate.application.complaints;

import com.fasterxml.jackson.databind.JsonNode;
import estate.application.support.ApiClient;
import estate.application.support.Scenario;
import estate.application.support.TestStores;
import estate.application.workorders.ClockedApp;
import estate.application.workorders.MutableClock;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The complaint analysis over HTTP, on a controlled application clock and a store of its own, so every figure is
 * exact: counts by category, building, channel and month; response and resolution minutes (median and p90 by
 * nearest rank); reopen rate; repeat complainants.
 */
class ComplaintAnalysisTest {

    /** Monday 2 March 2026, 09:00 in Shanghai. */
    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    @AfterAll
    static void restoreTheEventClock() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    @Test
    void countsTimesReopenRateAndRepeatComplainantsAreExact() {
        MutableClock clock = new MutableClock(T0);
        try (ClockedApp app = ClockedApp.start(TestStores.newDataDir(), clock)) {
            ApiClient api = app.api;
            Scenario given = new Scenario(api);
            given.ensureEstate("sunrise");
            String a = given.building("sunrise", "Analysis A");
            String b = given.building("sunrise", "Analysis B");
            String first = given.account("sunrise", "OWNER", "First Owner", "13400000001",
                    given.unit("sunrise", a, "A-101", "80.00"), "owner1");
            String second = given.account("sunrise", "OWNER", "Second Owner", "13400000002",
                    given.unit("sunrise", b, "B-101", "80.00"), "owner2");

            String c1 = api.ok("owner1", "/api/complaints", """
                    {"accountId":"%s","buildingId":"%s","category":"NOISE","description":"Karaoke at night"}"""
                    .formatted(first, a)).id();
            String c2 = api.ok("cs", "/api/complaints", """
                    {"estateId":"sunrise","accountId":"%s","buildingId":"%s","channel":"PHONE",
                     "category":"CLEANLINESS","description":"Lift smells"}""".formatted(first, a)).id();
            String c3 = api.ok("owner2", "/api/complaints", """
                    {"accountId":"%s","buildingId":"%s","category":"NOISE","description":"Dog barks"}"""
                    .formatted(second, b)).id();
            api.ok("cs", "/api/complaints", """
                    {"estateId":"sunrise","channel":"LETTER","category":"SECURITY","description":"Guard asleep"}""");

            at(clock, 10);
            acknowledge(api, c1);
            at(clock, 20);
            acknowledge(api, c2);
            at(clock, 40);
            acknowledge(api, c3);
            at(clock, 50);
            for (String id : new String[] {c1, c2, c3}) {
                api.ok("cs", "/api/complaints/" + id + "/assignment", "{\"staffMember\":\"cs\"}");
                api.ok("cs", "/api/complaints/" + id + "/investigation", "{}");
            }
            at(clock, 60);
            resolve(api, c1);
            at(clock, 90);
            resolve(api, c2);
            at(clock, 240);
            resolve(api, c3);
            at(clock, 250);
            api.ok("cs", "/api/complaints/" + c1 + "/return-visit", "{\"rating\":1,\"accepted\":false}");
            at(clock, 300);
            resolve(api, c1);

            JsonNode analysis = eventually(() -> api.get("manager", "/api/estates/sunrise/complaint-analysis").json(),
                    r -> r.get("complaints").asInt() == 4 && r.get("resolved").asInt() == 3
                            && r.get("reopened").asInt() == 1);
            assertThat(analysis.get("byCategory").toString())
                    .isEqualTo("{\"CLEANLINESS\":1,\"NOISE\":2,\"SECURITY\":1}");
            assertThat(analysis.get("byChannel").toString()).isEqualTo("{\"APP\":2,\"LETTER\":1,\"PHONE\":1}");
            assertThat(analysis.get("byBuilding").get(a).asInt()).isEqualTo(2);
            assertThat(analysis.get("byBuilding").get(b).asInt()).isEqualTo(1);
            assertThat(analysis.get("byBuilding").get("unknown").asInt()).isEqualTo(1);
            assertThat(analysis.get("byBuilding").size()).isEqualTo(3);
            assertThat(analysis.get("byMonth").toString()).isEqualTo("{\"2026-03\":4}");
            // acknowledged after 10, 20 and 40 minutes; the anonymous letter never
            assertThat(analysis.get("responseMinutes").toString())
                    .isEqualTo("{\"count\":3,\"median\":20,\"p90\":40}");
            // first resolutions after 60, 90 and 240 minutes: the second resolution of c1 does not count again
            assertThat(analysis.get("resolutionMinutes").toString())
                    .isEqualTo("{\"count\":3,\"median\":90,\"p90\":240}");
            assertThat(analysis.get("reopenRate").decimalValue()).isEqualByComparingTo("0.3333");
            assertThat(analysis.get("repeatComplaints").asInt()).isEqualTo(1);
            assertThat(analysis.get("repeatComplainants").toString())
                    .isEqualTo("[{\"accountId\":\"" + first + "\",\"complaints\":2}]");

            assertThat(api.get("cs", "/api/estates/sunrise/complaint-analysis").status()).isEqualTo(200);
            assertThat(api.get("auditor", "/api/estates/sunrise/complaint-analysis").status()).isEqualTo(200);
            assertThat(api.get("maint", "/api/estates/sunrise/complaint-analysis").status()).isEqualTo(403);
            assertThat(api.get("owner1", "/api/estates/sunrise/complaint-analysis").status()).isEqualTo(403);
        }
    }

    private static void at(MutableClock clock, int minutes) {
        clock.set(T0.plus(Duration.ofMinutes(minutes)));
    }

    private static void acknowledge(ApiClient api, String id) {
        api.ok("cs", "/api/complaints/" + id + "/acknowledgement", "{\"message\":\"Noted\"}");
    }

    private static void resolve(ApiClient api, String id) {
        api.ok("cs", "/api/complaints/" + id + "/resolution", "{\"resolution\":\"Dealt with\"}");
    }
}
