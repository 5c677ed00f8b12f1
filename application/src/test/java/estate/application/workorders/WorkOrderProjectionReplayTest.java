package estate.application.workorders;

import com.fasterxml.jackson.databind.JsonNode;
import estate.application.support.ApplicationTest;
import estate.application.support.ReadModelRebuild;
import estate.projections.workorders.EscalationProjection;
import estate.projections.workorders.InspectionPlanProjection;
import estate.projections.workorders.MaintenanceCostProjection;
import estate.projections.workorders.RecurringProblemsProjection;
import estate.projections.workorders.SlaReportProjection;
import estate.projections.workorders.WorkOrderHistoryProjection;
import estate.projections.workorders.WorkQueueProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work-order read models apply each event once however often it arrives, and a reset of each processor
 * rebuilds the same read models from the log.
 */
class WorkOrderProjectionReplayTest extends ApplicationTest {

    private static final List<String> GROUPS = List.of(WorkQueueProjection.GROUP, WorkOrderHistoryProjection.GROUP,
            RecurringProblemsProjection.GROUP, MaintenanceCostProjection.GROUP, SlaReportProjection.GROUP,
            EscalationProjection.GROUP, InspectionPlanProjection.GROUP);

    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    WorkQueueProjection queue;
    @Autowired
    WorkOrderHistoryProjection history;
    @Autowired
    RecurringProblemsProjection problems;
    @Autowired
    MaintenanceCostProjection cost;
    @Autowired
    SlaReportProjection sla;
    @Autowired
    EscalationProjection escalations;
    @Autowired
    InspectionPlanProjection plans;

    @Test
    void deliveringEveryEventOfAnOrderAndAPlanASecondTimeChangesNothing() {
        List<String> aggregates = busyOrderAndPlan();
        Map<String, JsonNode> before = readModels(aggregates.get(0));

        for (Object projection : List.of(queue, history, problems, cost, sla, escalations, plans)) {
            AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
            for (String aggregate : aggregates) {
                for (DomainEventMessage<?> event : eventStore.readEvents(aggregate, 0).asStream().toList()) {
                    if (adapter.canHandle(event)) {
                        try {
                            adapter.handle(event);
                        } catch (Exception e) {
                            throw new AssertionError("Redelivering " + event.getPayloadType() + " failed", e);
                        }
                    }
                }
            }
        }

        assertThat(readModels(aggregates.get(0))).isEqualTo(before);
    }

    @Test
    void resettingEachProcessorRebuildsTheSameReadModels() {
        String order = busyOrderAndPlan().get(0);
        Map<String, JsonNode> before = readModels(order);

        ReadModelRebuild.rebuild(processing, GROUPS);

        assertThat(eventually(() -> readModelsIfPresent(order), before::equals)).isEqualTo(before);
    }

    /** A paid repair reopened and completed twice, emergency-escalated and acknowledged; and an inspection plan. */
    private List<String> busyOrderAndPlan() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "WO replay"), unitNumber(), "66.00");
        String account = given.account(SUNRISE, "OWNER", "Replay Owner", "13600000000", unit, "owner1");
        String order = api.ok("owner1", "/api/work-orders", """
                {"accountId":"%s","unitId":"%s","category":"WATER_SUPPLY","description":"No hot water"}"""
                .formatted(account, unit)).id();
        String path = "/api/work-orders/" + order;
        api.ok("cs", path + "/triage", "{\"priority\":\"EMERGENCY\",\"paidRepair\":true}");
        api.ok("cs", path + "/assignment", "{\"staffMember\":\"maint\"}");
        api.ok("maint", path + "/acceptance", "{}");
        api.ok("maint", path + "/start", "{}");
        api.ok("maint", path + "/completion", """
                {"summary":"Reset the heater","labourHours":"1","labourCost":"80","currency":"CNY","fee":"60",
                 "materials":[{"name":"Fuse","quantity":"2","unitCost":"3.30"}]}""");
        api.ok("manager", path + "/escalations/1/acknowledgement", "{\"note\":\"Seen\"}");
        api.ok("owner1", path + "/reopening", "{\"reason\":\"Cold again\"}");
        api.ok("maint", path + "/acceptance", "{}");
        api.ok("maint", path + "/start", "{}");
        api.ok("maint", path + "/completion", """
                {"summary":"Replaced the thermostat","labourHours":"2","labourCost":"160","currency":"CNY"}""");
        String nextYear = String.valueOf(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusYears(1));
        String plan = api.ok("maint", "/api/estates/sunrise/inspection-plans", """
                {"facility":"Pump room","category":"WATER_SUPPLY","frequency":"QUARTERLY","firstDueDate":"%s",
                 "checklist":["Pressure","Leaks"]}""".formatted(nextYear)).id();
        eventually(() -> readModelsIfPresent(order), models -> models != null
                && models.get("history").size() == 14
                && "CHARGED".equals(models.get("order").path("chargeStatus").asText())
                && models.get("plans").toString().contains(plan));
        return List.of(order, plan);
    }

    private Map<String, JsonNode> readModels(String order) {
        Map<String, JsonNode> models = readModelsIfPresent(order);
        assertThat(models).isNotNull();
        return models;
    }

    private Map<String, JsonNode> readModelsIfPresent(String order) {
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("order", "/api/work-orders/" + order);
        reads.put("history", "/api/work-orders/" + order + "/history");
        reads.put("queue", "/api/estates/sunrise/work-queue");
        reads.put("escalations", "/api/estates/sunrise/escalations");
        reads.put("problems", "/api/estates/sunrise/reports/recurring-problems?from=" + thisMonth(-12)
                + "&to=" + thisMonth(12));
        reads.put("cost", "/api/estates/sunrise/reports/maintenance-cost?year=" + LocalDate.now().getYear());
        reads.put("sla", "/api/estates/sunrise/reports/sla?from=" + thisMonth(-12) + "&to=" + thisMonth(12));
        reads.put("plans", "/api/estates/sunrise/inspection-plans");
        Map<String, JsonNode> models = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        reads.forEach((name, path) -> {
            var response = api.get("manager", path);
            if (response.status() != 200) {
                failed.add(name);
            } else {
                models.put(name, response.json());
            }
        });
        return failed.isEmpty() ? models : null;
    }

    private static String thisMonth(int plusMonths) {
        return java.time.YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(plusMonths).toString();
    }
}
