package estate.application.complaints;

import com.fasterxml.jackson.databind.JsonNode;
import estate.application.support.ApiClient;
import estate.application.support.Scenario;
import estate.application.support.TestStores;
import estate.application.workorders.ClockedApp;
import estate.application.workorders.MutableClock;
import estate.domain.complaints.ComplaintEvent.ComplaintDeadlineMissed;
import estate.domain.complaints.ComplaintEvent.ComplaintEscalated;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rapid-response deadlines on a controlled application clock, in instances of the real application whose
 * sweeper runs every 200 ms (the work orders' mechanism, ADR 4): a missed acknowledge deadline fires once and
 * escalates to the manager, also when two instances share the event store.
 */
class ComplaintTimersTest {

    /** Monday 2 March 2026, 09:00 in Shanghai. */
    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    @AfterAll
    static void restoreTheEventClock() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    @Test
    void aMissedAcknowledgeDeadlineFiresOnceAndEscalatesEvenWithTwoInstances() {
        Path data = TestStores.newDataDir();
        MutableClock clock = new MutableClock(T0);
        try (ClockedApp first = ClockedApp.start(data, clock)) {
            ApiClient api = first.api;
            new Scenario(api).ensureEstate("sunrise");
            String id = api.ok("cs", "/api/complaints", """
                    {"estateId":"sunrise","channel":"PHONE","category":"SECURITY","description":"Gate left open"}""")
                    .id();
            try (ClockedApp second = ClockedApp.start(data, clock)) {
                bothSweep(first, second, clock, api, id);
            }
        }
    }

    /** The clock passes the deadline while both instances sweep: it fires once. */
    private static void bothSweep(ClockedApp first, ClockedApp second, MutableClock clock, ApiClient api,
                                  String id) {
        assertThat(second.api.get("cs", "/api/complaints/" + id + "/history").status()).isEqualTo(200);

        clock.set(T0.plus(Duration.ofMinutes(30)));
        assertThat(first.bean(ComplaintDeadlineSweeper.class).sweep()).as("on the deadline is in time").isZero();
        assertThat(second.bean(ComplaintDeadlineSweeper.class).sweep()).isZero();
        assertThat(first.events(id, ComplaintDeadlineMissed.class)).isZero();

        clock.advance(Duration.ofSeconds(1));
        eventually(() -> first.events(id, ComplaintEscalated.class), count -> count == 1);
        for (int i = 0; i < 3; i++) {
            assertThat(first.bean(ComplaintDeadlineSweeper.class).sweep()).isZero();
            assertThat(second.bean(ComplaintDeadlineSweeper.class).sweep()).isZero();
        }
        assertThat(first.events(id, ComplaintDeadlineMissed.class)).isEqualTo(1);
        assertThat(first.events(id, ComplaintEscalated.class)).isEqualTo(1);

        JsonNode view = eventually(() -> api.get("cs", "/api/complaints/" + id).json(),
                v -> v.get("overdue").asBoolean() && v.get("escalationLevel").asInt() == 1);
        assertThat(view.get("acknowledgeDue").asText()).isEqualTo("2026-03-02T01:30:00Z");
        JsonNode history = eventually(() -> api.get("auditor", "/api/complaints/" + id + "/history").json(),
                h -> h.size() == 3);
        assertThat(history.get(1).get("summary").asText())
                .isEqualTo("ACKNOWLEDGE deadline 2026-03-02T01:30:00Z missed before assignment");
        assertThat(history.get(2).get("summary").asText())
                .isEqualTo("Escalated to MANAGER (#1, level 1): ACKNOWLEDGE_OVERDUE");
        assertThat(history.get(1).get("recordedBy").asText()).isEqualTo(ComplaintDeadlineSweeper.PROCESS);
        assertThat(history.get(1).get("recordedByRole").asText()).isEqualTo("system");

        // acknowledging late still works, and nothing fires again for it
        api.ok("cs", "/api/complaints/" + id + "/acknowledgement", "{\"message\":\"Sorry for the wait\"}");
        clock.advance(Duration.ofHours(1));
        assertThat(first.bean(ComplaintDeadlineSweeper.class).sweep()).isZero();
        assertThat(first.events(id, ComplaintDeadlineMissed.class)).isEqualTo(1);
    }
}
