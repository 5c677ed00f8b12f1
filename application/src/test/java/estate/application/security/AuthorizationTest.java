package estate.application.security;

import estate.application.support.ApiClient.Response;
import estate.application.support.ApplicationTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** Owners see only their own accounts; staff only their estates; the auditor never writes. */
class AuthorizationTest extends ApplicationTest {

    @Test
    void anOwnerCannotReadAnotherOwnersAccount() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "Auth 1"), unitNumber(), "66");
        String account = given.account(SUNRISE, "OWNER", "Owner One", "13300000001", unit, "owner1");
        given.charge(account, "99.00", "2026-12");
        eventually(() -> api.get("owner1", "/api/accounts/" + account + "/balance"), r -> r.status() == 200);

        for (String path : new String[]{"", "/balance", "/ledger"}) {
            Response foreign = api.get("owner2", "/api/accounts/" + account + path);
            assertThat(foreign.status()).as(path).isEqualTo(404);
            assertThat(foreign.json().get("code").asText()).isEqualTo("account-not-found");
            assertThat(foreign.body()).doesNotContain("99.00").doesNotContain("Owner One");
        }
        Response pay = api.post("owner2", "/api/accounts/" + account + "/payments",
                "{\"amount\":\"1.00\",\"currency\":\"CNY\",\"receiptNumber\":\"X-1\"}");
        assertThat(pay.status()).isEqualTo(404);
        assertThat(api.get("owner2", "/api/estates/sunrise/owners").status()).isEqualTo(403);
        assertThat(api.get("owner1", "/api/estates").status()).isEqualTo(403);
    }

    @Test
    void staffCannotTouchAnotherEstate() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "Auth 2"), unitNumber(), "66");
        String account = given.account(SUNRISE, "OWNER", "Sunrise Owner", "13300000002", unit, null);

        Response read = api.get("lakeside-cs", "/api/accounts/" + account);
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.body()).doesNotContain("Sunrise Owner");
        Response write = api.post("lakeside-cs", "/api/accounts/" + account + "/interactions",
                "{\"channel\":\"PHONE\",\"summary\":\"probe\"}");
        assertThat(write.status()).isEqualTo(404);
        assertThat(api.get("lakeside-cs", "/api/estates/sunrise/owners").status()).isEqualTo(404);
        assertThat(api.get("lakeside-cs", "/api/estates/sunrise/units").status()).isEqualTo(404);
        Response open = api.post("lakeside-cs", "/api/accounts", """
                {"estateId":"sunrise","holderType":"TENANT","name":"X","phone":"13300000003","unitIds":["%s"]}"""
                .formatted(unit));
        assertThat(open.status()).isEqualTo(404);
        assertThat(open.json().get("code").asText()).isEqualTo("estate-not-found");
    }

    @Test
    void rolesDoOnlyTheirWork() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "Auth 3"), unitNumber(), "66");
        String account = given.account(SUNRISE, "OWNER", "Roles", "13300000004", unit, null);
        String charge = """
                {"feeItem":"PROPERTY_FEE","period":"2026-12","amount":"1.00","currency":"CNY","dueDate":"2026-12-31"}""";

        Response csCharges = api.post("cs", "/api/accounts/" + account + "/charges", charge);
        assertThat(csCharges.status()).isEqualTo(403);
        assertThat(csCharges.json().get("code").asText()).isEqualTo("forbidden");
        assertThat(api.post("maint", "/api/accounts/" + account + "/charges", charge).status()).isEqualTo(403);
        assertThat(api.post("finance", "/api/estates/sunrise/buildings", "{\"name\":\"F\",\"floors\":3}").status())
                .isEqualTo(403);
        assertThat(api.post("auditor", "/api/accounts/" + account + "/charges", charge).status()).isEqualTo(403);
        assertThat(api.post("auditor", "/api/accounts", "{}").status()).isIn(400, 403);
        assertThat(eventually(() -> api.get("auditor", "/api/accounts/" + account + "/balance"),
                r -> r.status() == 200).status()).isEqualTo(200);
    }

    @Test
    void everyApiRequestNeedsAValidLogin() throws Exception {
        Response anonymous = api.get(null, "/api/estates");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(anonymous.json().get("code").asText()).isEqualTo("unauthenticated");

        HttpResponse<String> wrongPassword = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/estates"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("cs:wrong".getBytes()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.body()).contains("\"code\":\"unauthenticated\"");
    }
}
