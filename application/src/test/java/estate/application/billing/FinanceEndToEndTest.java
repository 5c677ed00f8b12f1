package estate.application.billing;

import com.fasterxml.jackson.databind.JsonNode;
import estate.application.support.ApiClient.Response;
import estate.application.support.AbstractApiTest;
import estate.application.support.TestStores;
import estate.domain.estates.UnitId;
import estate.domain.owners.ChargeId;
import estate.domain.owners.LedgerLines.BillLine;
import estate.domain.owners.OwnerAccountCommands.PostBill;
import estate.domain.owners.OwnerAccountId;
import estate.domain.shared.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fees and finance over HTTP as finance, manager, owner and auditor: bill runs (proration, fixed and metered
 * items, re-runs and resumed runs that charge nothing twice), reversal, refund with four eyes, statements,
 * reports and budgets, and who may see and do what.
 */
class FinanceEndToEndTest extends AbstractApiTest {

    private static final Path DATA = TestStores.newDataDir();
    private static boolean scheduled;

    @DynamicPropertySource
    static void ownStores(DynamicPropertyRegistry registry) {
        isolatedStores(registry, DATA);
    }

    @Autowired
    CommandGateway commands;

    @BeforeEach
    void schedule() {
        if (scheduled) {
            return;
        }
        api.ok("finance", "/api/estates/sunrise/fee-items", """
                {"itemCode":"PROPERTY_FEE","name":"Property fee","basis":"AREA","appliesTo":["RESIDENTIAL"],"order":1}""");
        api.ok("finance", "/api/estates/sunrise/fee-items/PROPERTY_FEE/rates",
                "{\"effectiveFrom\":\"2026-01-01\",\"rate\":\"2.80\",\"currency\":\"CNY\",\"reason\":\"2026\"}");
        api.ok("finance", "/api/estates/sunrise/fee-items", """
                {"itemCode":"PARKING","name":"Parking","basis":"FIXED","appliesTo":["PARKING"],"order":2}""");
        api.ok("finance", "/api/estates/sunrise/fee-items/PARKING/rates",
                "{\"effectiveFrom\":\"2026-01-01\",\"rate\":\"150.00\",\"currency\":\"CNY\",\"reason\":\"2026\"}");
        api.ok("finance", "/api/estates/sunrise/fee-items", """
                {"itemCode":"WATER","name":"Water","basis":"METERED","appliesTo":["RESIDENTIAL"],"order":3}""");
        api.ok("finance", "/api/estates/sunrise/fee-items/WATER/rates",
                "{\"effectiveFrom\":\"2026-01-01\",\"rate\":\"3.45\",\"currency\":\"CNY\",\"reason\":\"2026\"}");
        scheduled = true;
    }

    @Test
    void aBillRunProratesByDaysChargesEachItemAndARerunChargesNothing() {
        String building = given.building(SUNRISE, "Run");
        String flat = given.unit(SUNRISE, building, unitNumber(), "90.00");
        String parking = api.ok("manager", "/api/estates/sunrise/units", """
                {"buildingId":"%s","number":"%s","floor":-1,"floorArea":"12.50","use":"PARKING"}"""
                .formatted(building, unitNumber())).id();
        String account = api.ok("cs", "/api/accounts", """
                {"estateId":"sunrise","holderType":"OWNER","name":"Mid Month","phone":"13500000000",
                 "unitIds":["%s","%s"],"moveInDate":"2026-05-16"}""".formatted(flat, parking)).id();
        reading(flat, "1200.000", "2026-05-16");
        reading(flat, "1230.500", "2026-05-31");

        JsonNode run = billRun("2026-05");
        JsonNode ledger = eventually(() -> api.get("finance", "/api/accounts/" + account + "/ledger").json(),
                json -> json.path("lines").size() == 3);
        // 90.00 m² × 2.80 × 16/31 = 130.0645 → 130.06; water 30.5 m³ × 3.45 = 105.225 → 105.22 (HALF_EVEN);
        // parking 150.00 × 16/31 = 77.4193 → 77.42
        assertThat(amounts(ledger)).containsExactlyInAnyOrder("130.06", "105.22", "77.42");
        assertThat(ledger.get("balance").decimalValue()).isEqualByComparingTo("312.70");
        assertThat(run.get("linesCharged").asInt()).isGreaterThanOrEqualTo(3);

        JsonNode again = billRun("2026-05");
        assertThat(again.get("linesCharged").asInt()).isZero();
        assertThat(again.get("amountCharged").decimalValue()).isEqualByComparingTo("0");
        assertThat(again.get("linesAlreadyCharged").asInt()).isEqualTo(run.get("linesCharged").asInt()
                + run.get("linesAlreadyCharged").asInt());
        assertThat(api.get("finance", "/api/accounts/" + account + "/ledger").json().get("lines")).hasSize(3);
    }

    @Test
    void aRunResumedAfterACrashChargesOnlyWhatWasNotPostedYet() {
        String flatA = given.unit(SUNRISE, given.building(SUNRISE, "Crash A"), unitNumber(), "100.00");
        String flatB = given.unit(SUNRISE, given.building(SUNRISE, "Crash B"), unitNumber(), "50.00");
        String a = given.account(SUNRISE, "OWNER", "Posted Before Crash", "13500000001", flatA, null);
        String b = given.account(SUNRISE, "OWNER", "Not Posted Yet", "13500000002", flatB, null);
        // the run that crashed had posted A's bill, with the same deterministic charge id, and not B's
        commands.sendAndWait(new PostBill(new OwnerAccountId(a), "billrun:crashed", YearMonth.parse("2026-06"),
                List.of(new BillLine(new ChargeId("bill:2026-06:PROPERTY_FEE:" + flatA), "PROPERTY_FEE", 1,
                        Money.of("280.00", "CNY"), LocalDate.parse("2026-06-15"), new UnitId(flatA),
                        "Property fee 2026-06"))));

        billRun("2026-06");

        assertThat(eventually(() -> api.get("finance", "/api/accounts/" + a + "/ledger").json(),
                json -> json.path("lines").size() >= 1).get("lines")).hasSize(1);
        JsonNode bLedger = eventually(() -> api.get("finance", "/api/accounts/" + b + "/ledger").json(),
                json -> json.path("lines").size() == 1);
        assertThat(amounts(bLedger)).containsExactly("140.00");
    }

    @Test
    void aReversedPaymentReopensWhatItSettled() {
        String flat = given.unit(SUNRISE, given.building(SUNRISE, "Bounce"), unitNumber(), "100.00");
        String account = given.account(SUNRISE, "OWNER", "Bounced", "13500000003", flat, "owner1");
        String charge = given.charge(account, "280.00", "2026-07");
        String payment = given.payment(account, "300.00", "R-BOUNCE");
        JsonNode paid = statement(account, 3);
        assertThat(paid.get("openCharges")).isEmpty();
        assertThat(paid.get("credit").decimalValue()).isEqualByComparingTo("20.00");

        assertThat(api.post("finance", "/api/accounts/" + account + "/payments/" + payment + "/reversal",
                "{\"reason\":\"Cheque bounced\"}").status()).isEqualTo(204);

        JsonNode reopened = statement(account, 4);
        assertThat(reopened.get("openCharges").get(0).get("chargeId").asText()).isEqualTo(charge);
        assertThat(reopened.get("totalOpen").decimalValue()).isEqualByComparingTo("280.00");
        assertThat(reopened.get("credit").decimalValue()).isEqualByComparingTo("0.00");
        Response twice = api.post("finance", "/api/accounts/" + account + "/payments/" + payment + "/reversal",
                "{\"reason\":\"again\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asText()).isEqualTo("payment-already-reversed");
    }

    @Test
    void aRefundOfCreditNeedsAManagersApprovalThenTheAccountCanClose() {
        String flat = given.unit(SUNRISE, given.building(SUNRISE, "Refund"), unitNumber(), "100.00");
        String account = given.account(SUNRISE, "OWNER", "Leaving", "13500000004", flat, null);
        given.payment(account, "500.00", "R-PREPAY");
        String path = "/api/accounts/" + account;

        Response tooMuch = api.post("finance", path + "/refunds",
                "{\"amount\":\"500.01\",\"currency\":\"CNY\",\"reason\":\"Moving out\"}");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.json().get("code").asText()).isEqualTo("refund-exceeds-credit");
        String refund = api.ok("chief", path + "/refunds",
                "{\"amount\":\"500.00\",\"currency\":\"CNY\",\"reason\":\"Moving out\"}").id();
        assertThat(api.post("chief", path + "/refunds/" + refund + "/approval", "{}").json().get("code").asText())
                .isEqualTo("four-eyes-required");
        assertThat(api.post("auditor", path + "/refunds/" + refund + "/approval", "{}").status()).isEqualTo(403);
        Response moveOutEarly = api.post("cs", path + "/move-out", "{\"moveOutDate\":\"2026-08-31\",\"reason\":\"Sold\"}");
        assertThat(moveOutEarly.json().get("code").asText()).isEqualTo("credit-not-refunded");

        assertThat(api.post("manager", path + "/refunds/" + refund + "/approval", "{}").status()).isEqualTo(204);

        JsonNode balance = eventually(() -> api.get("auditor", path + "/balance").json(),
                json -> json.path("lastSequence").asLong() >= 4);
        assertThat(balance.get("refunded").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(balance.get("credit").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(balance.get("balance").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(api.post("cs", path + "/move-out", "{\"moveOutDate\":\"2026-08-31\",\"reason\":\"Sold\"}").status())
                .isEqualTo(204);
    }

    @Test
    void ownersSeeTheirOwnStatementAndTheirEstatesReportsOnly() {
        String flat = given.unit(SUNRISE, given.building(SUNRISE, "Owners"), unitNumber(), "100.00");
        String mine = given.account(SUNRISE, "OWNER", "Mine", "13500000005", flat, "owner1");
        given.charge(mine, "280.00", "2026-09");
        given.payment(mine, "280.00", "R-OWN");
        statement(mine, 3);

        Response other = api.get("owner2", "/api/accounts/" + mine + "/statement");
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("280.00");
        assertThat(api.get("owner1", "/api/accounts/" + mine + "/statement").status()).isEqualTo(200);
        assertThat(api.get("owner1", "/api/estates/sunrise/arrears-aging").status()).isEqualTo(403);

        assertThat(api.post("finance", "/api/estates/sunrise/finance-reports",
                "{\"from\":\"2026-09\",\"to\":\"2026-09\"}").status()).isEqualTo(403);
        Response published = api.post("manager", "/api/estates/sunrise/finance-reports",
                "{\"from\":\"2026-09\",\"to\":\"2026-09\"}");
        assertThat(published.status()).isEqualTo(201);
        JsonNode reports = eventually(() -> api.get("owner1", "/api/estates/sunrise/finance-reports").json(),
                json -> json.size() >= 1);
        JsonNode report = reports.get(reports.size() - 1);
        assertThat(report.get("income").get("PROPERTY_FEE").decimalValue()).isEqualByComparingTo("280.00");
        assertThat(report.get("balance").decimalValue()).isEqualByComparingTo("280.00");
        assertThat(report.get("publishedBy").asText()).isEqualTo("manager");
        assertThat(api.get("owner2", "/api/estates/sunrise/finance-reports").status()).isEqualTo(404);
    }

    @Test
    void theManagerSetsABudgetAndEveryoneInFinanceSeesBudgetAgainstActual() {
        String flat = given.unit(SUNRISE, given.building(SUNRISE, "Budget"), unitNumber(), "100.00");
        String account = given.account(SUNRISE, "OWNER", "Budgeted", "13500000006", flat, null);
        given.charge(account, "280.00", "2026-10");
        given.payment(account, "280.00", "R-BUDGET");
        statement(account, 3);

        assertThat(api.put("finance", "/api/estates/sunrise/budgets/2026/PROPERTY_FEE",
                "{\"kind\":\"INCOME\",\"amount\":\"100000.00\",\"currency\":\"CNY\"}").status()).isEqualTo(403);
        assertThat(api.put("manager", "/api/estates/sunrise/budgets/2026/PROPERTY_FEE",
                "{\"kind\":\"INCOME\",\"amount\":\"100000.00\",\"currency\":\"CNY\"}").status()).isEqualTo(204);
        assertThat(api.put("manager", "/api/estates/sunrise/budgets/2026/ELEVATOR_MAINTENANCE",
                "{\"kind\":\"EXPENSE\",\"amount\":\"36000.00\",\"currency\":\"CNY\"}").status()).isEqualTo(204);

        JsonNode budget = eventually(() -> api.get("auditor", "/api/estates/sunrise/budgets/2026").json(),
                json -> json.path("lines").size() == 2);
        JsonNode income = budget.get("lines").get(1);
        assertThat(income.get("category").asText()).isEqualTo("PROPERTY_FEE");
        assertThat(income.get("budget").decimalValue()).isEqualByComparingTo("100000.00");
        assertThat(income.get("actual").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("280.00"));
        assertThat(budget.get("lines").get(0).get("actual").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void aMeterReadingBelowThePreviousIsRefusedUnlessTheMeterWasReplaced() {
        String flat = given.unit(SUNRISE, given.building(SUNRISE, "Meter"), unitNumber(), "100.00");
        reading(flat, "500.000", "2026-10-01");
        Response lower = api.post("maint", "/api/estates/sunrise/units/" + flat + "/meter-readings",
                "{\"itemCode\":\"WATER\",\"reading\":\"12.000\",\"readOn\":\"2026-10-20\"}");
        assertThat(lower.status()).isEqualTo(422);
        assertThat(lower.json().get("code").asText()).isEqualTo("reading-below-previous");
        assertThat(api.post("maint", "/api/estates/sunrise/units/" + flat + "/meter-readings",
                "{\"itemCode\":\"WATER\",\"reading\":\"12.000\",\"readOn\":\"2026-10-20\",\"replacement\":true}")
                .status()).isEqualTo(201);
        Response otherEstate = api.post("maint", "/api/estates/sunrise/units/no-such-unit/meter-readings",
                "{\"itemCode\":\"WATER\",\"reading\":\"1.000\",\"readOn\":\"2026-10-20\"}");
        assertThat(otherEstate.status()).isEqualTo(404);
        assertThat(otherEstate.json().get("code").asText()).isEqualTo("unknown-unit");
    }

    private void reading(String unit, String value, String day) {
        api.ok("maint", "/api/estates/sunrise/units/" + unit + "/meter-readings",
                "{\"itemCode\":\"WATER\",\"reading\":\"" + value + "\",\"readOn\":\"" + day + "\"}");
    }

    private JsonNode billRun(String period) {
        Response started = api.post("finance", "/api/estates/sunrise/bill-runs", "{\"period\":\"" + period + "\"}");
        assertThat(started.status()).isEqualTo(202);
        return eventually(() -> api.get("auditor", started.header("Location")),
                r -> r.status() == 200 && "COMPLETED".equals(r.json().get("status").asText())).json();
    }

    private JsonNode statement(String account, long sequence) {
        eventually(() -> api.get("finance", "/api/accounts/" + account + "/balance").json(),
                json -> json.path("lastSequence").asLong() >= sequence);
        return eventually(() -> api.get("finance", "/api/accounts/" + account + "/statement"),
                r -> r.status() == 200).json();
    }

    private static List<String> amounts(JsonNode ledger) {
        List<String> amounts = new ArrayList<>();
        ledger.get("lines").forEach(line -> {
            if ("CHARGE".equals(line.get("entry").get("kind").asText())) {
                amounts.add(line.get("entry").get("amount").decimalValue().toPlainString());
            }
        });
        return amounts;
    }
}
