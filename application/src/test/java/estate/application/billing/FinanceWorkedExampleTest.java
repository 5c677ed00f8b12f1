package estate.application.billing;

import com.fasterxml.jackson.databind.JsonNode;
import estate.application.support.ApiClient.Response;
import estate.application.support.AbstractApiTest;
import estate.application.support.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example of docs/finance.md, step by step over HTTP: one account through January to April 2026
 * with a rate change, a partial payment, late fees, a waiver with four eyes, an over-payment and its credit used
 * by the next bill. Every figure asserted here is a figure of the document.
 */
class FinanceWorkedExampleTest extends AbstractApiTest {

    private static final Path DATA = TestStores.newDataDir();

    @DynamicPropertySource
    static void ownStores(DynamicPropertyRegistry registry) {
        isolatedStores(registry, DATA);
    }

    @Test
    void oneAccountThroughFourMonths() {
        // the schedule: property fee 2.50 CNY/m²/month, 3.10 from 15 February; due on the 10th; 5 grace days;
        // 0.05 % a day late fee capped at half the charge
        api.ok("finance", "/api/estates/sunrise/fee-items", """
                {"itemCode":"PROPERTY_FEE","name":"Property fee","basis":"AREA","appliesTo":["RESIDENTIAL"],"order":1}""");
        api.ok("finance", "/api/estates/sunrise/fee-items/PROPERTY_FEE/rates", """
                {"effectiveFrom":"2026-01-01","rate":"2.50","currency":"CNY","reason":"2026 schedule"}""");
        assertThat(api.put("finance", "/api/estates/sunrise/collection-policy", """
                {"dueDayOfMonth":10,"graceDays":5,"dailyRate":"0.0005","capRatio":"0.5"}""").status()).isEqualTo(204);

        String unit = given.unit(SUNRISE, given.building(SUNRISE, "Example"), "8-0801", "100.00");
        String account = api.ok("cs", "/api/accounts", """
                {"estateId":"sunrise","holderType":"OWNER","name":"Wang Lei","phone":"13600000000","unitIds":["%s"],
                 "moveInDate":"2026-01-01","portalUser":"owner1"}""".formatted(unit)).id();
        String path = "/api/accounts/" + account;
        String jan = "bill:2026-01:PROPERTY_FEE:" + unit;
        String feb = "bill:2026-02:PROPERTY_FEE:" + unit;
        String mar = "bill:2026-03:PROPERTY_FEE:" + unit;
        String apr = "bill:2026-04:PROPERTY_FEE:" + unit;

        // 1. January bill: 100.00 m² × 2.50 = 250.00, due 10 January
        billRun("2026-01", 1, "250.00");
        // 2. 20 January: a partial payment of 100.00 settles part of January
        api.ok("finance", path + "/payments", """
                {"amount":"100.00","currency":"CNY","channel":"BANK_TRANSFER","receiptNumber":"R-0120",
                 "receivedAt":"2026-01-20T02:00:00Z"}""");
        // 3. the owners' meeting raises the rate to 3.10 from 15 February
        api.ok("manager", "/api/estates/sunrise/fee-items/PROPERTY_FEE/rates", """
                {"effectiveFrom":"2026-02-15","rate":"3.10","currency":"CNY","reason":"Owners' meeting 2026-02-03"}""");
        // 4. February bill: 100.00 × 2.50 × 14/28 + 100.00 × 3.10 × 14/28 = 125.00 + 155.00 = 280.00
        billRun("2026-02", 1, "280.00");
        // 5. March bill: 100.00 × 3.10 = 310.00
        billRun("2026-03", 1, "310.00");
        // 6. the daily arrears runs through 4 March
        Response assessed = api.post("finance", "/api/estates/sunrise/arrears-assessments", "{\"asOf\":\"2026-03-04\"}");
        assertThat(assessed.status()).isEqualTo(200);

        JsonNode statement = statementAfter(path, 6 + 1);
        assertThat(charge(statement, jan).get("lateFee").decimalValue()).isEqualByComparingTo("3.80");
        assertThat(charge(statement, feb).get("lateFee").decimalValue()).isEqualByComparingTo("2.38");
        assertThat(statement.get("totalOpen").decimalValue()).isEqualByComparingTo("746.18");
        List<String> kinds = kinds(path);
        assertThat(kinds).containsSubsequence("CHARGE", "PAYMENT", "ALLOCATION", "CHARGE", "CHARGE", "OVERDUE",
                "REMINDER", "OVERDUE", "LATE_FEE");

        // 7. finance asks to waive January's late fee; the same person may not approve it; the manager does
        String waiver = api.ok("chief", path + "/waivers", """
                {"chargeId":"%s","part":"LATE_FEE","amount":"3.80","currency":"CNY",
                 "reason":"Goodwill: first late payment in six years"}""".formatted(jan)).id();
        Response own = api.post("chief", path + "/waivers/" + waiver + "/approval", "{}");
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.json().get("code").asText()).isEqualTo("four-eyes-required");
        assertThat(api.post("finance", path + "/waivers/" + waiver + "/approval", "{}").status()).isEqualTo(403);
        assertThat(api.post("manager", path + "/waivers/" + waiver + "/approval", "{}").status()).isEqualTo(204);

        // 8. 5 March: an over-payment of 1,000.00 settles everything open, oldest first; 257.62 becomes credit
        api.ok("finance", path + "/payments", """
                {"amount":"1000.00","currency":"CNY","channel":"WECHAT_PAY","receiptNumber":"R-0305",
                 "receivedAt":"2026-03-05T01:00:00Z"}""");
        JsonNode afterPayment = statementAfter(path, 13);
        assertThat(afterPayment.get("openCharges")).isEmpty();
        assertThat(afterPayment.get("credit").decimalValue()).isEqualByComparingTo("257.62");
        assertThat(afterPayment.get("balance").decimalValue()).isEqualByComparingTo("-257.62");

        // 9. April bill: 310.00, of which the credit pays 257.62; 52.38 is left to pay
        billRun("2026-04", 1, "310.00");
        JsonNode end = statementAfter(path, 15);
        assertThat(end.get("credit").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(charge(end, apr).get("paid").decimalValue()).isEqualByComparingTo("257.62");
        assertThat(end.get("totalOpen").decimalValue()).isEqualByComparingTo("52.38");

        // the balance law: 1,150.00 charged + 6.18 late fees − 1,100.00 paid − 3.80 waived = 52.38
        JsonNode balance = eventually(() -> api.get("owner1", path + "/balance").json(),
                json -> json.path("lastSequence").asLong() >= 15);
        assertThat(balance.get("charged").decimalValue()).isEqualByComparingTo("1150.00");
        assertThat(balance.get("lateFees").decimalValue()).isEqualByComparingTo("6.18");
        assertThat(balance.get("paid").decimalValue()).isEqualByComparingTo("1100.00");
        assertThat(balance.get("waived").decimalValue()).isEqualByComparingTo("3.80");
        assertThat(balance.get("balance").decimalValue()).isEqualByComparingTo("52.38");
        JsonNode ledger = api.get("auditor", path + "/ledger").json();
        JsonNode lines = ledger.get("lines");
        assertThat(lines.get(lines.size() - 1).get("balanceAfter").decimalValue()).isEqualByComparingTo("52.38");

        // the March payment went oldest first: January 150.00, February 280.00 and its late fee 2.38, March 310.00
        JsonNode allocation = find(lines, "ALLOCATION", 1);
        assertThat(allocation.get("detail").asText()).isEqualTo(jan + " 150.00, " + feb + " 280.00, " + feb
                + " (late fee) 2.38, " + mar + " 310.00; to credit 257.62 CNY");
        // February's collection: billed 280.00, collected 280.00
        JsonNode collection = api.get("finance", "/api/estates/sunrise/collection?period=2026-02").json();
        assertThat(collection.get("billed").decimalValue()).isEqualByComparingTo("280.00");
        assertThat(collection.get("collected").decimalValue()).isEqualByComparingTo("280.00");
        assertThat(collection.get("rate").decimalValue()).isEqualByComparingTo("1.0000");
        // on 30 April, April's 52.38 is 20 days overdue
        JsonNode aging = api.get("finance", "/api/estates/sunrise/arrears-aging?asOf=2026-04-30").json();
        assertThat(aging.get("buckets").get(0).get("amount").decimalValue()).isEqualByComparingTo("52.38");
        assertThat(aging.get("totalOverdue").decimalValue()).isEqualByComparingTo("52.38");
    }

    private void billRun(String period, int accounts, String amount) {
        Response started = api.post("finance", "/api/estates/sunrise/bill-runs", "{\"period\":\"" + period + "\"}");
        assertThat(started.status()).isEqualTo(202);
        JsonNode run = eventually(() -> api.get("finance", started.header("Location")),
                r -> r.status() == 200 && "COMPLETED".equals(r.json().get("status").asText())).json();
        assertThat(run.get("accountsTotal").asInt()).isEqualTo(accounts);
        assertThat(run.get("linesCharged").asInt()).isEqualTo(1);
        assertThat(run.get("amountCharged").decimalValue()).isEqualByComparingTo(amount);
    }

    private JsonNode statementAfter(String path, long sequence) {
        eventually(() -> api.get("finance", path + "/balance").json(),
                json -> json.path("lastSequence").asLong() >= sequence);
        return eventually(() -> api.get("owner1", path + "/statement"), r -> r.status() == 200).json();
    }

    private static JsonNode charge(JsonNode statement, String chargeId) {
        for (JsonNode charge : statement.get("openCharges")) {
            if (charge.get("chargeId").asText().equals(chargeId)) {
                return charge;
            }
        }
        throw new AssertionError("No open charge " + chargeId + " in " + statement);
    }

    private List<String> kinds(String path) {
        List<String> kinds = new ArrayList<>();
        api.get("finance", path + "/ledger").json().get("lines").forEach(l -> kinds.add(l.get("entry").get("kind")
                .asText()));
        return kinds;
    }

    private static JsonNode find(JsonNode lines, String kind, int occurrence) {
        int seen = 0;
        for (JsonNode line : lines) {
            if (line.get("entry").get("kind").asText().equals(kind) && ++seen == occurrence + 1) {
                return line.get("entry");
            }
        }
        throw new AssertionError("No " + kind + " #" + occurrence);
    }
}
