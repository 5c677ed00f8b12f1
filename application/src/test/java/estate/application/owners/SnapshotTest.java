package estate.application.owners;

import estate.application.support.ApiClient.Response;
import estate.application.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** Long-lived accounts are snapshotted, and an account loaded from its snapshot keeps every rule's memory. */
class SnapshotTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAccountLoadedFromItsSnapshotStillKnowsItsChargesReceiptsAndBalance() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "Snap"), unitNumber(), "100");
        String account = given.account(SUNRISE, "OWNER", "Long Lived", "13000000000", unit, null);
        for (int month = 1; month <= 6; month++) {
            given.charge(account, "280.00", "2026-%02d".formatted(month));
            given.payment(account, "280.00", "R-SNAP-" + month);
        }
        given.charge(account, "280.00", "2026-07");

        Integer snapshots = jdbc.queryForObject(
                "SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", Integer.class, account);
        Long snapshotSequence = jdbc.queryForObject(
                "SELECT MAX(sequenceNumber) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", Long.class,
                account);
        assertThat(snapshots).isGreaterThanOrEqualTo(1);
        assertThat(snapshotSequence).isGreaterThanOrEqualTo((long) SNAPSHOT_THRESHOLD);

        Response duplicateReceipt = api.post("finance", "/api/accounts/" + account + "/payments",
                "{\"amount\":\"1.00\",\"currency\":\"CNY\",\"channel\":\"CASH\",\"receiptNumber\":\"R-SNAP-1\"}");
        assertThat(duplicateReceipt.status()).isEqualTo(409);
        assertThat(duplicateReceipt.json().get("code").asText()).isEqualTo("duplicate-receipt");

        Response moveOut = api.post("cs", "/api/accounts/" + account + "/move-out",
                "{\"moveOutDate\":\"2026-07-31\",\"reason\":\"Leaving\"}");
        assertThat(moveOut.status()).isEqualTo(409);
        assertThat(moveOut.json().get("code").asText()).isEqualTo("balance-outstanding");
        assertThat(moveOut.json().get("detail").asText()).contains("280.00 CNY");

        given.payment(account, "280.00", "R-SNAP-7");
        assertThat(api.post("cs", "/api/accounts/" + account + "/move-out",
                "{\"moveOutDate\":\"2026-07-31\",\"reason\":\"Leaving\"}").status()).isEqualTo(204);
        assertThat(eventually(() -> api.get("finance", "/api/accounts/" + account + "/balance").json(),
                json -> json.path("lastSequence").asLong() >= 14).get("balance").decimalValue())
                .isEqualByComparingTo("0");
    }
}
