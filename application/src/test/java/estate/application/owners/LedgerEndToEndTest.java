package estate.application.owners;

import com.fasterxml.jackson.databind.JsonNode;
import estate.application.support.ApiClient.Response;
import estate.application.support.ApplicationTest;
import org.junit.jupiter.api.Test;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** Charges, payments, balance and the ledger over HTTP, with exact amounts. */
class LedgerEndToEndTest extends ApplicationTest {

    @Test
    void chargesAndPaymentsGiveTheExactBalanceAndARunningLedger() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "Ledger 1"), unitNumber(), "111.00");
        String account = given.account(SUNRISE, "OWNER", "Li Wei", "13800138000", unit, "owner1");
        String charge = given.charge(account, "310.80", "2026-12");
        String payment = given.payment(account, "100.10", "R-2026-0001");
        given.charge(account, "0.30", "2026-12");

        // charge, payment received, payment allocated, charge
        JsonNode balance = eventually(() -> api.get("finance", "/api/accounts/" + account + "/balance").json(),
                json -> json.path("lastSequence").asLong() == 4);
        assertThat(balance.get("charged").decimalValue()).isEqualByComparingTo("311.10");
        assertThat(balance.get("paid").decimalValue()).isEqualByComparingTo("100.10");
        assertThat(balance.get("balance").decimalValue()).isEqualByComparingTo("211.00");
        assertThat(balance.get("currency").asText()).isEqualTo("CNY");

        JsonNode ledger = api.get("owner1", "/api/accounts/" + account + "/ledger").json();
        JsonNode lines = ledger.get("lines");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).get("entry").get("reference").asText()).isEqualTo(charge);
        assertThat(lines.get(0).get("entry").get("kind").asText()).isEqualTo("CHARGE");
        assertThat(lines.get(0).get("entry").get("period").asText()).isEqualTo("2026-12");
        assertThat(lines.get(0).get("entry").get("recordedBy").asText()).isEqualTo("finance");
        assertThat(lines.get(0).get("balanceAfter").decimalValue()).isEqualByComparingTo("310.80");
        assertThat(lines.get(1).get("entry").get("reference").asText()).isEqualTo(payment);
        assertThat(lines.get(1).get("entry").get("channel").asText()).isEqualTo("WECHAT_PAY");
        assertThat(lines.get(1).get("entry").get("receiptNumber").asText()).isEqualTo("R-2026-0001");
        assertThat(lines.get(1).get("balanceAfter").decimalValue()).isEqualByComparingTo("210.70");
        assertThat(lines.get(2).get("entry").get("kind").asText()).isEqualTo("ALLOCATION");
        assertThat(lines.get(2).get("entry").get("detail").asText()).isEqualTo(charge + " 100.10");
        assertThat(lines.get(2).get("balanceAfter").decimalValue()).isEqualByComparingTo("210.70");
        assertThat(lines.get(3).get("balanceAfter").decimalValue()).isEqualByComparingTo("211.00");
        assertThat(ledger.get("balance").decimalValue()).isEqualByComparingTo("211.00");
    }

    @Test
    void anOverPaymentBecomesCredit() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "Ledger 2"), unitNumber(), "50");
        String account = given.account(SUNRISE, "OWNER", "Credit", "13800138001", unit, null);
        given.charge(account, "140.00", "2026-12");
        given.payment(account, "500.00", "R-PRE-1");

        JsonNode balance = eventually(() -> api.get("finance", "/api/accounts/" + account + "/balance").json(),
                json -> json.path("lastSequence").asLong() == 3);
        assertThat(balance.get("balance").decimalValue()).isEqualByComparingTo("-360.00");
        assertThat(balance.get("credit").decimalValue()).isEqualByComparingTo("360.00");

        Response moveOut = api.post("cs", "/api/accounts/" + account + "/move-out",
                "{\"moveOutDate\":\"2026-12-31\",\"reason\":\"Leaving\"}");
        assertThat(moveOut.status()).isEqualTo(409);
        assertThat(moveOut.json().get("code").asText()).isEqualTo("credit-not-refunded");
    }

    @Test
    void anOwnerPaysTheirOwnAccountThroughTheAppChannel() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "Ledger 3"), unitNumber(), "50");
        String account = given.account(SUNRISE, "OWNER", "App Payer", "13800138002", unit, "owner1");
        given.charge(account, "140.00", "2026-12");

        Response paid = api.post("owner1", "/api/accounts/" + account + "/payments",
                "{\"amount\":\"140.00\",\"currency\":\"CNY\",\"channel\":\"CASH\",\"receiptNumber\":\"APP-77\"}");
        assertThat(paid.status()).isEqualTo(201);

        JsonNode ledger = eventually(() -> api.get("owner1", "/api/accounts/" + account + "/ledger").json(),
                json -> json.path("lines").size() == 3);
        assertThat(ledger.get("lines").get(1).get("entry").get("channel").asText()).isEqualTo("APP");
        assertThat(ledger.get("balance").decimalValue()).isEqualByComparingTo("0.00");
    }

    @Test
    void refusesAmountsFinerThanAFenOtherCurrenciesAndDuplicateReceipts() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "Ledger 4"), unitNumber(), "50");
        String account = given.account(SUNRISE, "OWNER", "Strict", "13800138003", unit, null);
        String path = "/api/accounts/" + account;

        Response fine = api.post("finance", path + "/charges", """
                {"feeItem":"PROPERTY_FEE","period":"2026-12","amount":"10.005","currency":"CNY","dueDate":"2026-12-31"}""");
        assertThat(fine.status()).isEqualTo(400);
        assertThat(fine.json().get("code").asText()).isEqualTo("invalid-amount");

        Response dollars = api.post("finance", path + "/charges", """
                {"feeItem":"PROPERTY_FEE","period":"2026-12","amount":"10.00","currency":"USD","dueDate":"2026-12-31"}""");
        assertThat(dollars.status()).isEqualTo(422);
        assertThat(dollars.json().get("code").asText()).isEqualTo("currency-mismatch");

        Response negative = api.post("finance", path + "/payments",
                "{\"amount\":\"-5.00\",\"currency\":\"CNY\",\"channel\":\"CASH\",\"receiptNumber\":\"N-1\"}");
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.json().get("code").asText()).isEqualTo("non-positive-amount");

        given.payment(account, "5.00", "DUP-1");
        Response duplicate = api.post("finance", path + "/payments",
                "{\"amount\":\"5.00\",\"currency\":\"CNY\",\"channel\":\"CASH\",\"receiptNumber\":\"DUP-1\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("code").asText()).isEqualTo("duplicate-receipt");

        JsonNode balance = eventually(() -> api.get("finance", path + "/balance").json(),
                json -> json.path("lastSequence").asLong() == 2);
        assertThat(balance.get("paid").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(balance.get("charged").decimalValue()).isEqualByComparingTo("0");
    }
}
