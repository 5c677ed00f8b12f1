package estate.application.store;

import com.fasterxml.jackson.databind.JsonNode;
import estate.application.EstateApplication;
import estate.application.support.ApiClient;
import estate.application.support.Scenario;
import estate.application.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same JDBC event store engine on PostgreSQL. Runs when {@code ESTATE_TEST_POSTGRES_URL} (with
 * {@code ESTATE_TEST_POSTGRES_USER} / {@code _PASSWORD}) names a database; CI has none and skips it.
 */
@EnabledIfEnvironmentVariable(named = "ESTATE_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.*")
@SpringBootTest(classes = EstateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PostgresEventStoreTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestStores.properties(TestStores.newDataDir()).forEach((key, value) -> {
            if (!key.equals("server.port")) {
                registry.add(key, () -> value);
            }
        });
        registry.add("spring.datasource.url", () -> System.getenv("ESTATE_TEST_POSTGRES_URL"));
        registry.add("spring.datasource.username", () -> System.getenv("ESTATE_TEST_POSTGRES_USER"));
        registry.add("spring.datasource.password", () -> System.getenv("ESTATE_TEST_POSTGRES_PASSWORD"));
        registry.add("estate.snapshot.owner-account-threshold", () -> 2);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void accountsChargesSnapshotsAndConflictsWorkOnPostgres() {
        ApiClient api = new ApiClient(port);
        Scenario given = new Scenario(api);
        given.ensureEstate("sunrise");
        String unit = given.unit("sunrise", given.building("sunrise", "PG"), "PG-" + UUID.randomUUID().toString().substring(0, 8), "111.00");
        String account = given.account("sunrise", "OWNER", "Postgres Owner", "13800000000", unit, null);
        given.charge(account, "310.80", "2026-11");
        given.charge(account, "310.80", "2026-12");
        given.payment(account, "21.60", "R-PG-1");

        JsonNode balance = eventually(() -> api.get("finance", "/api/accounts/" + account + "/balance").json(),
                json -> json.path("lastSequence").asLong() == 3);
        assertThat(balance.get("balance").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM snapshotevententry WHERE aggregateidentifier = ?",
                Integer.class, account)).isGreaterThanOrEqualTo(1);
        var taken = api.post("cs", "/api/accounts", """
                {"estateId":"sunrise","holderType":"OWNER","name":"X","phone":"13800000001","unitIds":["%s"]}"""
                .formatted(unit));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("code").asText()).isEqualTo("unit-already-held");
    }
}
