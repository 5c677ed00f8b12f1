package estate.application.workorders;

import com.fasterxml.jackson.databind.JsonNode;
import estate.application.support.ApiClient.Response;
import estate.application.support.ApplicationTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work orders over HTTP, command to event to read model to HTTP, as the owner (owner1), customer service (cs),
 * maintenance (maint) and the manager: the whole life of a paid repair, including its fee on the owner's ledger.
 */
class WorkOrderLifecycleEndToEndTest extends ApplicationTest {

    @Test
    void aPaidRepairGoesFromTheOwnersReportToTheirRatingWithItsFeeOnTheirLedger() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "WO 1"), unitNumber(), "88.00");
        String account = given.account(SUNRISE, "OWNER", "Zhang Min", "13900000001", unit, "owner1");
        WorkOrders orders = new WorkOrders(api);

        String order = api.ok("owner1", "/api/work-orders", """
                {"accountId":"%s","unitId":"%s","category":"WATER_SUPPLY",
                 "description":"Water leaks under the kitchen sink","photos":["app/photos/leak-1.jpg"]}"""
                .formatted(account, unit)).id();
        JsonNode reported = orders.await("owner1", order, "REPORTED");
        assertThat(reported.get("description").asText()).isEqualTo("Water leaks under the kitchen sink");
        assertThat(reported.has("labourCost")).as("owners see no internal costs").isFalse();

        api.ok("cs", "/api/work-orders/" + order + "/triage", "{\"priority\":\"NORMAL\",\"paidRepair\":true}");
        api.ok("cs", "/api/work-orders/" + order + "/assignment", "{\"staffMember\":\"maint\"}");
        JsonNode queued = eventually(() -> api.get("maint", "/api/estates/sunrise/work-queue?assignee=me").json(),
                queue -> contains(queue, order));
        assertThat(find(queued, order).get("status").asText()).isEqualTo("ASSIGNED");
        assertThat(find(queued, order).get("nextDeadline").isNull()).isFalse();

        api.ok("maint", "/api/work-orders/" + order + "/acceptance", "{}");
        api.ok("maint", "/api/work-orders/" + order + "/start", "{}");
        api.ok("maint", "/api/work-orders/" + order + "/hold", "{\"reason\":\"Waiting for a DN15 valve\"}");
        assertThat(orders.await("owner1", order, "ON_HOLD").get("holdReason").asText())
                .isEqualTo("Waiting for a DN15 valve");
        api.ok("maint", "/api/work-orders/" + order + "/resumption", "{}");
        api.ok("maint", "/api/work-orders/" + order + "/completion", """
                {"summary":"Replaced the valve and the seal","labourHours":"1.5","labourCost":"120.00",
                 "currency":"CNY","materials":[{"name":"Valve DN15","quantity":"1","unitCost":"38.50"},
                 {"name":"Seal","quantity":"0.5","unitCost":"10.25"}],"fee":"150.00"}""");

        JsonNode charged = eventually(() -> api.get("cs", "/api/work-orders/" + order).json(),
                view -> "CHARGED".equals(view.path("chargeStatus").asText()));
        assertThat(charged.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(charged.get("materialsCost").decimalValue()).isEqualByComparingTo("43.62");
        assertThat(charged.get("labourHours").decimalValue()).isEqualByComparingTo("1.50");

        JsonNode ledger = eventually(() -> api.get("owner1", "/api/accounts/" + account + "/ledger").json(),
                json -> lineOf(json, "repair:" + order) != null);
        JsonNode line = lineOf(ledger, "repair:" + order);
        assertThat(line.get("kind").asText()).isEqualTo("CHARGE");
        assertThat(line.get("feeItem").asText()).isEqualTo("REPAIR");
        assertThat(line.get("amount").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(line.get("recordedBy").asText()).isEqualTo(RepairChargeProcess.GROUP);
        assertThat(ledger.get("balance").decimalValue()).isEqualByComparingTo("150.00");

        api.ok("owner1", "/api/work-orders/" + order + "/verification", "{\"rating\":4,\"comment\":\"Quick and tidy\"}");
        api.ok("cs", "/api/work-orders/" + order + "/closure", "{}");
        JsonNode closed = orders.await("owner1", order, "CLOSED");
        assertThat(closed.get("rating").asInt()).isEqualTo(4);
        assertThat(closed.get("fee").decimalValue()).isEqualByComparingTo("150.00");

        JsonNode mine = api.get("owner1", "/api/me/work-orders").json();
        assertThat(contains(mine, order)).isTrue();

        JsonNode history = eventually(() -> api.get("manager", "/api/work-orders/" + order + "/history").json(),
                json -> json.size() == 12);
        assertThat(kinds(history)).containsExactly("WorkOrderReported", "WorkOrderTriaged", "WorkOrderAssigned",
                "WorkOrderAccepted", "WorkStarted", "WorkPutOnHold", "WorkResumed", "WorkCompleted",
                "RepairChargeRequested", "RepairCharged", "WorkOrderVerified", "WorkOrderClosed");
        assertThat(recorders(history)).containsExactly("owner1", "cs", "cs", "maint", "maint", "maint", "maint",
                "maint", "maint", RepairChargeProcess.GROUP, "owner1", "cs");
        assertThat(history.get(9).get("recordedByRole").asText()).isEqualTo("system");
    }

    @Test
    void eachRoleDoesOnlyItsPartAndOwnersSeeOnlyWhatTheyReported() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "WO 2"), unitNumber(), "70.00");
        String account = given.account(SUNRISE, "OWNER", "Qian Li", "13900000002", unit, "owner1");
        String order = api.ok("owner1", "/api/work-orders", """
                {"accountId":"%s","unitId":"%s","category":"ELECTRICAL","description":"Sockets dead in the bedroom"}"""
                .formatted(account, unit)).id();
        String path = "/api/work-orders/" + order;

        Response foreignOwner = api.get("owner2", path);
        assertThat(foreignOwner.status()).isEqualTo(404);
        assertThat(foreignOwner.json().get("code").asText()).isEqualTo("work-order-not-found");
        assertThat(foreignOwner.body()).doesNotContain("Sockets");
        assertThat(api.post("owner2", path + "/verification", "{\"rating\":1}").status()).isEqualTo(404);
        assertThat(api.get("lakeside-cs", path).status()).isEqualTo(404);
        assertThat(api.post("lakeside-cs", path + "/triage", "{\"priority\":\"LOW\",\"paidRepair\":false}").status())
                .isEqualTo(404);
        assertThat(api.post("maint", path + "/triage", "{\"priority\":\"LOW\",\"paidRepair\":false}").status())
                .isEqualTo(403);
        assertThat(api.post("owner1", path + "/triage", "{\"priority\":\"LOW\",\"paidRepair\":false}").status())
                .isEqualTo(403);
        assertThat(api.post("auditor", path + "/triage", "{\"priority\":\"LOW\",\"paidRepair\":false}").status())
                .isEqualTo(403);
        assertThat(api.post("owner2", "/api/work-orders", """
                {"accountId":"%s","unitId":"%s","category":"ELECTRICAL","description":"Not my flat"}"""
                .formatted(account, unit)).status()).isEqualTo(404);
        assertThat(eventually(() -> api.get("auditor", path), r -> r.status() == 200).json().has("reportedBy"))
                .isTrue();

        Response acceptUntriaged = api.post("manager", path + "/acceptance", "{}");
        assertThat(acceptUntriaged.status()).isEqualTo(409);
        assertThat(acceptUntriaged.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(acceptUntriaged.json().get("code").asText()).isEqualTo("illegal-transition");

        api.ok("cs", path + "/triage", "{\"priority\":\"URGENT\",\"paidRepair\":false}");
        api.ok("cs", path + "/assignment", "{\"staffMember\":\"maint-night\"}");
        Response notTheirs = api.post("maint", path + "/acceptance", "{}");
        assertThat(notTheirs.status()).isEqualTo(403);
        assertThat(notTheirs.json().get("code").asText()).isEqualTo("not-assignee");
        assertThat(api.post("cs", path + "/acceptance", "{}").status()).isEqualTo(403);

        Response withdrawn = api.post("owner1", path + "/cancellation", "{\"reason\":\"Fixed the fuse myself\"}");
        assertThat(withdrawn.status()).isEqualTo(409);
        assertThat(withdrawn.json().get("code").asText()).isEqualTo("cancel-after-dispatch");

        api.ok("cs", path + "/reassignment", "{\"staffMember\":\"maint\",\"reason\":\"Night shift is off\"}");
        api.ok("maint", path + "/acceptance", "{}");
        Response started = api.post("maint", path + "/start", "{}");
        assertThat(started.status()).isEqualTo(204);
        Response fee = api.post("maint", path + "/completion", """
                {"summary":"Reset the breaker","labourHours":"0.5","labourCost":"30","currency":"CNY","fee":"20"}""");
        assertThat(fee.status()).isEqualTo(422);
        assertThat(fee.json().get("code").asText()).isEqualTo("fee-on-free-repair");
        api.ok("cs", path + "/cancellation", "{\"reason\":\"Owner will use their own electrician\"}");
        assertThat(new WorkOrders(api).await("owner1", order, "CANCELLED").get("cancelReason").asText())
                .isEqualTo("Owner will use their own electrician");
    }

    @Test
    void anOwnerWithdrawsARequestBeforeDispatchAndReopensARepairWhoseFaultReturns() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "WO 3"), unitNumber(), "70.00");
        String account = given.account(SUNRISE, "OWNER", "Sun Yi", "13900000003", unit, "owner1");
        String report = """
                {"accountId":"%s","unitId":"%s","category":"HEATING","description":"Radiator cold"}"""
                .formatted(account, unit);
        String withdrawn = api.ok("owner1", "/api/work-orders", report).id();
        api.ok("owner1", "/api/work-orders/" + withdrawn + "/cancellation", "{\"reason\":\"It warmed up\"}");
        assertThat(new WorkOrders(api).await("owner1", withdrawn, "CANCELLED")).isNotNull();

        String order = api.ok("owner1", "/api/work-orders", report).id();
        String path = "/api/work-orders/" + order;
        api.ok("manager", path + "/triage", "{\"priority\":\"LOW\",\"paidRepair\":false}");
        api.ok("manager", path + "/assignment", "{\"contractId\":\"C-HEAT-2026\",\"supplier\":\"Warm Homes Ltd\"}");
        api.ok("maint", path + "/acceptance", "{}");
        api.ok("maint", path + "/start", "{}");
        api.ok("maint", path + "/completion", """
                {"summary":"Bled the radiator","labourHours":"0.25","labourCost":"40.00","currency":"CNY"}""");
        api.ok("owner1", path + "/reopening", "{\"reason\":\"Cold again after two days\"}");
        JsonNode reopened = new WorkOrders(api).await("cs", order, "ASSIGNED");
        assertThat(reopened.get("reopenCount").asInt()).isEqualTo(1);
        assertThat(reopened.get("assigneeSupplier").asText()).isEqualTo("Warm Homes Ltd");
        assertThat(reopened.get("responseMet").asBoolean()).isFalse();
    }

    @Test
    void anEmergencyIsEscalatedToTheManagerAtOnceWhoAcknowledgesIt() {
        String order = api.ok("cs", "/api/work-orders", """
                {"estateId":"sunrise","facility":"Building 2 lift B","category":"ELEVATOR",
                 "description":"Lift stopped between floors 7 and 8, one person inside"}""").id();
        api.ok("cs", "/api/work-orders/" + order + "/triage", "{\"priority\":\"EMERGENCY\",\"paidRepair\":false}");

        JsonNode escalations = eventually(() -> api.get("manager", "/api/estates/sunrise/escalations?open=true").json(),
                json -> escalationOf(json, order) != null);
        JsonNode escalation = escalationOf(escalations, order);
        assertThat(escalation.get("reason").asText()).isEqualTo("EMERGENCY");
        assertThat(escalation.get("priority").asText()).isEqualTo("EMERGENCY");
        assertThat(escalation.get("locationLabel").asText()).isEqualTo("Building 2 lift B");
        assertThat(api.get("cs", "/api/estates/sunrise/escalations").status()).isEqualTo(403);
        assertThat(api.post("cs", "/api/work-orders/" + order + "/escalations/1/acknowledgement", "{}").status())
                .isEqualTo(403);

        api.ok("manager", "/api/work-orders/" + order + "/escalations/1/acknowledgement",
                "{\"note\":\"Fire brigade and lift company called\"}");
        eventually(() -> api.get("manager", "/api/estates/sunrise/escalations?open=true").json(),
                json -> escalationOf(json, order) == null);
        JsonNode acknowledged = escalationOf(api.get("auditor", "/api/estates/sunrise/escalations").json(), order);
        assertThat(acknowledged.get("acknowledgedBy").asText()).isEqualTo("manager");
        Response twice = api.post("manager", "/api/work-orders/" + order + "/escalations/1/acknowledgement", "{}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asText()).isEqualTo("escalation-already-acknowledged");
    }

    @Test
    void theReportsShowCostAgainstBudgetRepeatFaultsAndOnTimeRates() {
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        String costPath = "/api/estates/sunrise/reports/maintenance-cost?year=" + month.getYear();
        String problemsPath = "/api/estates/sunrise/reports/recurring-problems?from=" + month + "&to=" + month;
        String slaPath = "/api/estates/sunrise/reports/sla?from=" + month + "&to=" + month;
        assertThat(api.put("finance", "/api/estates/sunrise/maintenance-budgets/" + month.getYear(),
                "{\"amount\":\"50000.00\",\"currency\":\"CNY\"}").status()).isEqualTo(204);
        BigDecimal spentBefore = eventually(() -> api.get("manager", costPath).json(),
                json -> json.path("budget").decimalValue().compareTo(new BigDecimal("50000")) == 0)
                .get("spent").decimalValue();
        int metBefore = onTime(api.get("manager", slaPath).json(), "NORMAL", "responseMet");

        String facility = "Pump room " + unitNumber();
        String first = api.ok("maint", "/api/work-orders", """
                {"estateId":"sunrise","facility":"%s","category":"WATER_SUPPLY","description":"Pump vibrates"}"""
                .formatted(facility)).id();
        api.ok("maint", "/api/work-orders", """
                {"estateId":"sunrise","facility":"%s","category":"ELECTRICAL","description":"Pump trips the fuse"}"""
                .formatted(facility));
        api.ok("cs", "/api/work-orders/" + first + "/triage", "{\"priority\":\"NORMAL\",\"paidRepair\":false}");
        api.ok("cs", "/api/work-orders/" + first + "/assignment", "{\"staffMember\":\"maint\"}");
        api.ok("maint", "/api/work-orders/" + first + "/acceptance", "{}");
        api.ok("maint", "/api/work-orders/" + first + "/start", "{}");
        api.ok("maint", "/api/work-orders/" + first + "/completion", """
                {"summary":"New bearings","labourHours":"3","labourCost":"240.00","currency":"CNY",
                 "materials":[{"name":"Bearing","quantity":"2","unitCost":"85.50"}]}""");

        JsonNode cost = eventually(() -> api.get("manager", costPath).json(),
                json -> json.get("spent").decimalValue().compareTo(spentBefore) > 0);
        assertThat(cost.get("spent").decimalValue().subtract(spentBefore)).isEqualByComparingTo("411.00");
        assertThat(cost.get("remaining").decimalValue())
                .isEqualByComparingTo(new BigDecimal("50000.00").subtract(cost.get("spent").decimalValue()));
        assertThat(cost.get("overBudget").asBoolean()).isFalse();
        assertThat(cost.get("byCategory").toString()).contains("WATER_SUPPLY");
        assertThat(api.get("cs", costPath).status()).isEqualTo(403);

        JsonNode problems = eventually(() -> api.get("maint", problemsPath).json(),
                json -> json.get("repeatLocations").toString().contains(facility));
        for (JsonNode place : problems.get("repeatLocations")) {
            if (place.get("locationLabel").asText().equals(facility)) {
                assertThat(place.get("count").asInt()).isEqualTo(2);
                assertThat(place.get("categories").toString()).contains("WATER_SUPPLY").contains("ELECTRICAL");
            }
        }

        JsonNode sla = eventually(() -> api.get("manager", slaPath).json(),
                json -> onTime(json, "NORMAL", "responseMet") == metBefore + 1);
        assertThat(onTime(sla, "NORMAL", "responseBreached")).isZero();
        assertThat(api.get("finance", slaPath).status()).isEqualTo(403);
    }

    private static int onTime(JsonNode report, String priority, String field) {
        for (JsonNode row : report.path("byPriority")) {
            if (priority.equals(row.get("key").asText())) {
                return row.get(field).asInt();
            }
        }
        return 0;
    }

    static boolean contains(JsonNode list, String workOrderId) {
        return find(list, workOrderId) != null;
    }

    static JsonNode find(JsonNode list, String workOrderId) {
        for (JsonNode item : list) {
            if (workOrderId.equals(item.path("workOrderId").asText())) {
                return item;
            }
        }
        return null;
    }

    static JsonNode escalationOf(JsonNode escalations, String workOrderId) {
        return find(escalations, workOrderId);
    }

    private static JsonNode lineOf(JsonNode ledger, String reference) {
        for (JsonNode line : ledger.path("lines")) {
            if (reference.equals(line.path("entry").path("reference").asText())
                    && "CHARGE".equals(line.path("entry").path("kind").asText())) {
                return line.get("entry");
            }
        }
        return null;
    }

    private static List<String> kinds(JsonNode history) {
        List<String> kinds = new ArrayList<>();
        history.forEach(entry -> kinds.add(entry.get("kind").asText()));
        return kinds;
    }

    private static List<String> recorders(JsonNode history) {
        List<String> recorders = new ArrayList<>();
        history.forEach(entry -> recorders.add(entry.get("recordedBy").asText()));
        return recorders;
    }
}
