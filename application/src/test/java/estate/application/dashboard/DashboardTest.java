package estate.application.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import estate.application.support.AbstractApiTest;
import estate.application.support.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** The estate dashboard in one read, on stores of its own so every figure is exact. */
class DashboardTest extends AbstractApiTest {

    private static final Path DATA = TestStores.newDataDir();

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        isolatedStores(registry, DATA);
    }

    @Test
    void theManagerSeesFinanceWorkOrdersComplaintsAndSatisfactionOfTheEstateInOneRead() {
        String building = given.building(SUNRISE, "D 1");
        String unitA = given.unit(SUNRISE, building, "D1-101", "88.00");
        String unitB = given.unit(SUNRISE, building, "D1-102", "96.00");
        String a = given.account(SUNRISE, "OWNER", "Zhao Min", "13900000001", unitA, null);
        String b = given.account(SUNRISE, "OWNER", "Wu Fang", "13900000002", unitB, null);
        charge(a, "100.00");
        charge(b, "60.00");
        given.payment(a, "40.00", "R-D-1");
        api.ok("cs", "/api/complaints", """
                {"estateId":"sunrise","accountId":"%s","channel":"PHONE","category":"NOISE",\
                "description":"Pump noise at night"}""".formatted(a));
        api.ok("cs", "/api/work-orders", """
                {"estateId":"sunrise","accountId":"%s","unitId":"%s","category":"WATER_SUPPLY",\
                "description":"Tap leaks"}""".formatted(b, unitB));

        JsonNode dashboard = eventually(() -> api.get("manager", "/api/estates/sunrise/dashboard?asOf=2026-11-30")
                .json(), d -> d.at("/complaints/open").asLong() == 1 && d.at("/workOrders/open").asLong() == 1
                && d.at("/finance/collection/collected").asText().equals("40.00"));

        assertThat(dashboard.get("estateId").asText()).isEqualTo("sunrise");
        assertThat(dashboard.get("asOf").asText()).isEqualTo("2026-11-30");
        assertThat(dashboard.get("currency").asText()).isEqualTo("CNY");
        JsonNode arrears = dashboard.at("/finance/arrears");
        assertThat(arrears.get("totalOverdue").asText()).isEqualTo("120.00");
        assertThat(arrears.get("accountsOverdue").asInt()).isEqualTo(2);
        JsonNode collection = dashboard.at("/finance/collection");
        assertThat(collection.get("period").asText()).isEqualTo("2026-11");
        assertThat(collection.get("billed").asText()).isEqualTo("160.00");
        assertThat(collection.get("outstanding").asText()).isEqualTo("120.00");
        assertThat(collection.get("rate").asText()).isEqualTo("0.2500");
        JsonNode income = dashboard.at("/finance/incomeThisYear");
        assertThat(income.get("from").asText()).isEqualTo("2026-01");
        assertThat(income.get("to").asText()).isEqualTo("2026-11");
        assertThat(income.at("/income/PROPERTY_FEE").asText()).isEqualTo("40.00");
        assertThat(income.get("total").asText()).isEqualTo("40.00");
        assertThat(dashboard.get("workOrders").toString()).isEqualTo(
                "{\"open\":1,\"unassigned\":1,\"emergencies\":0,\"pastDeadline\":0,\"openEscalations\":0}");
        assertThat(dashboard.get("complaints").toString()).isEqualTo(
                "{\"open\":1,\"overdue\":0,\"awaitingReturnVisit\":0}");
        assertThat(dashboard.at("/satisfaction/month").asText()).isEqualTo("2026-11");
        assertThat(dashboard.at("/satisfaction/ratings").asInt()).isZero();
    }

    @Test
    void auditorsReadItOtherStaffAreRefusedAndAnEstateNotServedIsNotFound() {
        assertThat(api.get("auditor", "/api/estates/sunrise/dashboard").status()).isEqualTo(200);
        assertThat(api.get("cs", "/api/estates/sunrise/dashboard").status()).isEqualTo(403);
        assertThat(api.get("owner1", "/api/estates/sunrise/dashboard").status()).isEqualTo(403);
        assertThat(api.get("manager", "/api/estates/elsewhere/dashboard").status()).isEqualTo(404);
        var badDay = api.get("manager", "/api/estates/sunrise/dashboard?asOf=soon");
        assertThat(badDay.status()).isEqualTo(400);
        assertThat(badDay.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(badDay.json().get("code").asText()).isEqualTo("invalid-parameter");
    }

    private void charge(String account, String amount) {
        api.ok("finance", "/api/accounts/" + account + "/charges", """
                {"feeItem":"PROPERTY_FEE","period":"2026-11","amount":"%s","currency":"CNY","dueDate":"2026-11-20"}"""
                .formatted(amount));
    }
}
