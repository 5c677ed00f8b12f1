package estate.application.workorders;

import com.fasterxml.jackson.databind.JsonNode;
import estate.application.support.ApiClient;
import estate.application.support.Scenario;
import estate.application.support.TestStores;
import estate.domain.workorders.InspectionPlanEvent.InspectionIssued;
import estate.domain.workorders.SlaKind;
import estate.domain.workorders.WorkOrderCommands.RecordSlaBreach;
import estate.domain.workorders.WorkOrderEvent.InspectionOrderOpened;
import estate.domain.workorders.WorkOrderEvent.SlaBreached;
import estate.domain.workorders.WorkOrderEvent.WorkOrderReported;
import estate.domain.workorders.WorkOrderId;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SLA deadlines and inspection rounds on a controlled application clock, in instances of the real application
 * whose sweeper and scheduler run every 200 ms: deadlines fire and escalate when the clock passes them, a hold that
 * stops the clock moves them, and both deadlines and due rounds survive a restart and happen once when two instances
 * share the event store.
 */
class WorkOrderTimersTest {

    /** Monday 2 March 2026, 09:00 in Shanghai. */
    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    @AfterAll
    static void restoreTheEventClock() {
        // every application instance sets Axon's static event clock to its own; give it back the system's
        GenericEventMessage.clock = Clock.systemUTC();
    }

    @Test
    void deadlinesFireOnTheApplicationClockEscalateAndWaitWhileAHoldStopsThem() {
        MutableClock clock = new MutableClock(T0);
        try (ClockedApp app = ClockedApp.start(TestStores.newDataDir(), clock)) {
            ApiClient api = app.api;
            String account = ownerAccount(api, "T-1");
            assertThat(api.put("manager", "/api/estates/sunrise/service-terms", """
                    {"targets":[{"priority":"EMERGENCY","responseMinutes":30,"resolutionMinutes":240},
                                {"priority":"URGENT","responseMinutes":60,"resolutionMinutes":480},
                                {"priority":"NORMAL","responseMinutes":240,"resolutionMinutes":1440},
                                {"priority":"LOW","responseMinutes":1440,"resolutionMinutes":4320}],
                     "holdPausesClock":true,"reopenWindowDays":7}""").status()).isEqualTo(204);

            String emergency = report(api, account, "Burst pipe in the bathroom");
            api.ok("cs", "/api/work-orders/" + emergency + "/triage", "{\"priority\":\"EMERGENCY\",\"paidRepair\":false}");
            assertThat(escalations(api, emergency, 1)).containsExactly("EMERGENCY");

            String held = report(api, account, "Boiler makes a banging noise");
            api.ok("cs", "/api/work-orders/" + held + "/triage", "{\"priority\":\"NORMAL\",\"paidRepair\":false}");
            api.ok("cs", "/api/work-orders/" + held + "/assignment", "{\"staffMember\":\"maint\"}");
            api.ok("maint", "/api/work-orders/" + held + "/acceptance", "{}");
            api.ok("maint", "/api/work-orders/" + held + "/start", "{}");
            api.ok("maint", "/api/work-orders/" + held + "/hold", "{\"reason\":\"Waiting for a pump from the supplier\"}");

            clock.advance(Duration.ofMinutes(29));
            assertThat(app.bean(SlaDeadlineSweeper.class).sweep()).isZero();
            assertThat(app.events(emergency, SlaBreached.class)).isZero();

            clock.advance(Duration.ofMinutes(2));
            eventually(() -> app.events(emergency, SlaBreached.class), count -> count == 1);
            assertThat(escalations(api, emergency, 2)).containsExactly("EMERGENCY", "RESPONSE_OVERDUE");
            JsonNode overdue = WorkOrderLifecycleEndToEndTest.find(api.get("manager",
                    "/api/estates/sunrise/escalations").json(), emergency);
            assertThat(overdue.get("deadline").asText()).isEqualTo("2026-03-02T01:30:00Z");
            assertThat(app.bean(SlaDeadlineSweeper.class).sweep()).isZero();
            assertThat(app.events(emergency, SlaBreached.class)).isEqualTo(1);

            // a day later: the emergency's resolution is overdue; the held order's clock stands still
            clock.set(T0.plus(Duration.ofHours(25)));
            eventually(() -> app.events(emergency, SlaBreached.class), count -> count == 2);
            assertThat(app.bean(SlaDeadlineSweeper.class).sweep()).isZero();
            assertThat(app.events(held, SlaBreached.class)).isZero();

            // resumed after 25 hours on hold: its 24-hour resolution deadline moves by 25 hours, to T0 + 49 h
            api.ok("maint", "/api/work-orders/" + held + "/resumption", "{}");
            JsonNode resumed = new WorkOrders(api).await("cs", held, "IN_PROGRESS");
            assertThat(resumed.get("resolutionDue").asText()).isEqualTo("2026-03-04T02:00:00Z");
            clock.set(T0.plus(Duration.ofHours(49)));
            assertThat(app.bean(SlaDeadlineSweeper.class).sweep()).as("on the deadline is in time").isZero();
            clock.advance(Duration.ofSeconds(1));
            eventually(() -> app.events(held, SlaBreached.class), count -> count == 1);
            assertThat(escalations(api, held, 1)).containsExactly("RESOLUTION_OVERDUE");

            JsonNode sla = eventually(() -> api.get("manager", "/api/estates/sunrise/reports/sla?from=2026-03&to=2026-03")
                    .json(), report -> row(report.get("byPriority"), "NORMAL") != null
                    && row(report.get("byPriority"), "NORMAL").get("resolutionBreached").asInt() == 1);
            JsonNode emergencies = row(sla.get("byPriority"), "EMERGENCY");
            assertThat(emergencies.get("responseBreached").asInt()).isEqualTo(1);
            assertThat(emergencies.get("resolutionBreached").asInt()).isEqualTo(1);
            assertThat(emergencies.get("responseOnTimeRate").decimalValue()).isEqualByComparingTo("0");
            JsonNode maint = row(sla.get("byAssignee"), "maint");
            assertThat(maint.get("responseMet").asInt()).isEqualTo(1);
            assertThat(maint.get("responseOnTimeRate").decimalValue()).isEqualByComparingTo("1");
            assertThat(maint.get("resolutionBreached").asInt()).isEqualTo(1);
            assertThat(row(sla.get("byAssignee"), "(unassigned)").get("responseBreached").asInt()).isEqualTo(1);
        }
    }

    @Test
    void deadlinesAndInspectionRoundsSurviveARestartAndHappenOnceWithTwoInstances() throws Exception {
        Path data = TestStores.newDataDir();
        MutableClock clock = new MutableClock(T0);
        String account;
        String beforeRestart;
        String plan;
        String firstRound;
        try (ClockedApp first = ClockedApp.start(data, clock)) {
            ApiClient api = first.api;
            account = ownerAccount(api, "T-2");
            beforeRestart = report(api, account, "Front door lock sticks");
            api.ok("cs", "/api/work-orders/" + beforeRestart + "/triage", "{\"priority\":\"NORMAL\",\"paidRepair\":false}");

            plan = api.ok("manager", "/api/estates/sunrise/inspection-plans", """
                    {"facility":"Building 1 lift A","category":"ELEVATOR","frequency":"MONTHLY",
                     "firstDueDate":"2026-03-02","checklist":["Brakes","Door sensors","Emergency phone"]}""").id();
            firstRound = plan + ":20260302";
            eventually(() -> first.events(firstRound, InspectionOrderOpened.class), count -> count == 1);
            assertThat(first.events(plan, InspectionIssued.class)).isEqualTo(1);

            api.ok("cs", "/api/work-orders/" + firstRound + "/assignment", "{\"staffMember\":\"maint\"}");
            api.ok("maint", "/api/work-orders/" + firstRound + "/acceptance", "{}");
            api.ok("maint", "/api/work-orders/" + firstRound + "/start", "{}");
            api.ok("maint", "/api/work-orders/" + firstRound + "/completion", """
                    {"summary":"Monthly inspection","labourHours":"1","labourCost":"0","currency":"CNY",
                     "checkResults":[{"item":"Brakes","passed":true},
                                     {"item":"Door sensors","passed":false,"note":"Left sensor does not react"},
                                     {"item":"Emergency phone","passed":true}]}""");
            String followUp = firstRound + ":2";
            JsonNode repair = eventually(() -> api.get("cs", "/api/work-orders/" + followUp),
                    response -> response.status() == 200).json();
            assertThat(repair.get("linkedInspectionId").asText()).isEqualTo(firstRound);
            assertThat(repair.get("source").asText()).isEqualTo("INSPECTION");
            assertThat(repair.get("reportedBy").asText()).isEqualTo("maint");
            assertThat(repair.get("description").asText()).contains("Door sensors").contains("Left sensor");
            assertThat(first.events(followUp, WorkOrderReported.class)).isEqualTo(1);
        }

        // nothing runs while the response deadline (24 h, the default for NORMAL) passes
        clock.advance(Duration.ofHours(25));
        try (ClockedApp second = ClockedApp.start(data, clock); ClockedApp third = ClockedApp.start(data, clock)) {
            eventually(() -> second.events(beforeRestart, SlaBreached.class), count -> count == 1);
            together(() -> second.bean(SlaDeadlineSweeper.class).sweep(),
                    () -> third.bean(SlaDeadlineSweeper.class).sweep());
            assertThat(second.events(beforeRestart, SlaBreached.class)).isEqualTo(1);
            for (ClockedApp app : List.of(second, third)) {
                assertThat(escalations(app.api, beforeRestart, 1)).containsExactly("RESPONSE_OVERDUE");
            }

            // a deadline that passes while both run: both sweep at the same moment, one breach is recorded
            String whileRunning = report(second.api, account, "Hallway light flickers");
            second.api.ok("cs", "/api/work-orders/" + whileRunning + "/triage",
                    "{\"priority\":\"NORMAL\",\"paidRepair\":false}");
            clock.advance(Duration.ofHours(24).plusSeconds(1));
            List<Integer> recorded = together(() -> second.bean(SlaDeadlineSweeper.class).sweep(),
                    () -> third.bean(SlaDeadlineSweeper.class).sweep());
            eventually(() -> third.events(whileRunning, SlaBreached.class), count -> count == 1);
            assertThat(recorded.stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(1);
            Instant deadline = T0.plus(Duration.ofHours(49));
            Optional<String> again = third.bean(ProcessCommands.class).send(new RecordSlaBreach(
                    WorkOrderId.of(whileRunning), SlaKind.RESPONSE, deadline, clock.instant()), "test");
            assertThat(again).as("a second sender's breach is refused").contains("already-breached");
            assertThat(second.events(whileRunning, SlaBreached.class)).isEqualTo(1);

            // the round of 2 March was issued once, before the restart, and stays so
            together(() -> second.bean(InspectionScheduler.class).run(),
                    () -> third.bean(InspectionScheduler.class).run());
            assertThat(second.events(plan, InspectionIssued.class)).isEqualTo(1);

            // a month on, both schedulers race for the round of 2 April; then two rounds missed while idle
            clock.set(Instant.parse("2026-04-02T01:00:00Z"));
            together(() -> second.bean(InspectionScheduler.class).run(),
                    () -> third.bean(InspectionScheduler.class).run());
            eventually(() -> second.events(plan + ":20260402", InspectionOrderOpened.class), count -> count == 1);
            assertThat(second.events(plan, InspectionIssued.class)).isEqualTo(2);

            clock.set(Instant.parse("2026-06-02T01:00:00Z"));
            together(() -> second.bean(InspectionScheduler.class).run(),
                    () -> third.bean(InspectionScheduler.class).run());
            eventually(() -> third.events(plan + ":20260602", InspectionOrderOpened.class), count -> count == 1);
            assertThat(third.events(plan + ":20260502", InspectionOrderOpened.class)).isEqualTo(1);
            assertThat(third.events(plan, InspectionIssued.class)).isEqualTo(4);
            assertThat(third.bean(InspectionScheduler.class).run()).isZero();
            JsonNode plans = eventually(() -> third.api.get("manager", "/api/estates/sunrise/inspection-plans").json(),
                    json -> json.size() == 1 && json.get(0).get("roundsIssued").asInt() == 4);
            assertThat(plans.get(0).get("nextDueDate").asText()).isEqualTo("2026-07-02");
        }
    }

    private static String ownerAccount(ApiClient api, String number) {
        Scenario given = new Scenario(api);
        given.ensureEstate("sunrise");
        String unit = given.unit("sunrise", given.building("sunrise", "Timers " + number), number, "80.00");
        return given.account("sunrise", "OWNER", "Timer Owner", "13700000000", unit, "owner1");
    }

    private static String report(ApiClient api, String account, String description) {
        return api.ok("owner1", "/api/work-orders", """
                {"accountId":"%s","facility":"Building 1","category":"OTHER","description":"%s"}"""
                .formatted(account, description)).id();
    }

    /** The reasons of the order's escalations in the manager's queue, once there are {@code count} of them. */
    private static List<String> escalations(ApiClient api, String workOrderId, int count) {
        JsonNode all = eventually(() -> api.get("manager", "/api/estates/sunrise/escalations").json(),
                json -> reasons(json, workOrderId).size() == count);
        return reasons(all, workOrderId);
    }

    private static List<String> reasons(JsonNode escalations, String workOrderId) {
        List<JsonNode> entries = new ArrayList<>();
        escalations.forEach(entry -> {
            if (workOrderId.equals(entry.get("workOrderId").asText())) {
                entries.add(entry);
            }
        });
        entries.sort((a, b) -> Integer.compare(a.get("escalation").asInt(), b.get("escalation").asInt()));
        return entries.stream().map(entry -> entry.get("reason").asText()).toList();
    }

    private static JsonNode row(JsonNode rows, String key) {
        for (JsonNode row : rows) {
            if (key.equals(row.get("key").asText())) {
                return row;
            }
        }
        return null;
    }

    /** Runs the actions at the same moment on threads of their own and returns their results. */
    @SafeVarargs
    private static <T> List<T> together(Supplier<T>... actions) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<T>> running = new ArrayList<>();
        for (Supplier<T> action : actions) {
            running.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return action.get();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (CompletableFuture<T> future : running) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }
}
