package estate.application.owners;

import com.fasterxml.jackson.databind.JsonNode;
import estate.application.support.ApiClient.Response;
import estate.application.support.ApplicationTest;
import org.junit.jupiter.api.Test;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** HTTP → command → event → projection → HTTP for the registry and the life of an account. */
class OwnerAccountEndToEndTest extends ApplicationTest {

    @Test
    void registersBuildingsAndUnitsAndListsThem() {
        String building = given.building(SUNRISE, "Tower A");
        String number = unitNumber();
        String unit = given.unit(SUNRISE, building, number, "88.50");

        JsonNode units = eventually(() -> api.get("cs", "/api/estates/sunrise/units?buildingId=" + building).json(),
                json -> json.size() == 1);
        JsonNode row = units.get(0);
        assertThat(row.get("unitId").asText()).isEqualTo(unit);
        assertThat(row.get("number").asText()).isEqualTo(number);
        assertThat(row.get("floorArea").decimalValue()).isEqualByComparingTo("88.50");
        assertThat(row.get("use").asText()).isEqualTo("RESIDENTIAL");

        JsonNode estate = eventually(() -> api.get("manager", "/api/estates/sunrise").json(),
                json -> json.get("buildings").findValuesAsText("buildingId").contains(building));
        assertThat(estate.get("currency").asText()).isEqualTo("CNY");
        assertThat(estate.get("zoneId").asText()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void rejectsASecondUnitWithTheSameNumberInTheEstate() {
        String building = given.building(SUNRISE, "Tower B");
        String number = unitNumber();
        given.unit(SUNRISE, building, number, "70");

        Response duplicate = api.post("manager", "/api/estates/sunrise/units", """
                {"buildingId":"%s","number":"%s","floor":3,"floorArea":"70","use":"RESIDENTIAL"}"""
                .formatted(building, number));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(duplicate.json().get("code").asText()).isEqualTo("unit-number-taken");
    }

    @Test
    void opensAnAccountAndFindsItInTheDirectoryByNamePhoneAndUnit() {
        String building = given.building(SUNRISE, "Tower C");
        String number = unitNumber();
        String unit = given.unit(SUNRISE, building, number, "120.00");
        String account = given.account(SUNRISE, "OWNER", "Zhang Min", "13911112222", unit, null);

        JsonNode byUnit = eventually(() -> api.get("maint",
                "/api/estates/sunrise/owners?building=" + building + "&unit=" + number).json(), j -> j.size() == 1);
        assertThat(byUnit.get(0).get("accountId").asText()).isEqualTo(account);
        assertThat(byUnit.get(0).get("units").get(0).get("number").asText()).isEqualTo(number);
        assertThat(byUnit.get(0).get("status").asText()).isEqualTo("ACTIVE");

        JsonNode byPhone = api.get("cs", "/api/estates/sunrise/owners?phone=13911112222").json();
        assertThat(byPhone.findValuesAsText("accountId")).contains(account);
        JsonNode byName = api.get("cs", "/api/estates/sunrise/owners?name=zhang%20m").json();
        assertThat(byName.findValuesAsText("accountId")).contains(account);

        JsonNode one = api.get("cs", "/api/accounts/" + account).json();
        assertThat(one.get("name").asText()).isEqualTo("Zhang Min");
        assertThat(one.get("holderType").asText()).isEqualTo("OWNER");
        assertThat(one.get("moveInDate").asText()).isEqualTo("2026-01-15");
    }

    @Test
    void refusesASecondOwnerAccountForAUnitButAcceptsATenant() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "Tower D"), unitNumber(), "60");
        given.account(SUNRISE, "OWNER", "Owner One", "13900000001", unit, null);

        Response second = api.post("cs", "/api/accounts", """
                {"estateId":"sunrise","holderType":"OWNER","name":"Owner Two","phone":"13900000002",
                 "unitIds":["%s"]}""".formatted(unit));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("code").asText()).isEqualTo("unit-already-held");

        Response tenant = api.post("cs", "/api/accounts", """
                {"estateId":"sunrise","holderType":"TENANT","name":"Tenant","phone":"13900000003",
                 "unitIds":["%s"]}""".formatted(unit));
        assertThat(tenant.status()).isEqualTo(201);
    }

    @Test
    void changesContactDetailsAndLinksTheOwnerAppLogin() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "Tower E"), unitNumber(), "75");
        String account = given.account(SUNRISE, "OWNER", "Wang Fang", "13700000000", unit, null);

        assertThat(api.put("cs", "/api/accounts/" + account + "/contact",
                "{\"name\":\"Wang Fang\",\"phone\":\"13700009999\",\"email\":\"wf@example.com\"}").status())
                .isEqualTo(204);
        assertThat(api.post("cs", "/api/accounts/" + account + "/portal-user", "{\"portalUser\":\"owner2\"}")
                .status()).isEqualTo(204);

        JsonNode entry = eventually(() -> api.get("cs", "/api/accounts/" + account).json(),
                json -> "owner2".equals(json.path("portalUser").asText()));
        assertThat(entry.get("phone").asText()).isEqualTo("13700009999");
        assertThat(entry.get("email").asText()).isEqualTo("wf@example.com");
        JsonNode mine = eventually(() -> api.get("owner2", "/api/me/accounts").json(),
                json -> json.findValuesAsText("accountId").contains(account));
        assertThat(mine.findValuesAsText("portalUser")).containsOnly("owner2");
    }

    @Test
    void transfersAUnitToANewOwnerAndClosesTheSellersSettledAccount() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "Tower F"), unitNumber(), "90");
        String spare = given.unit(SUNRISE, given.building(SUNRISE, "Tower G"), unitNumber(), "45");
        String seller = given.account(SUNRISE, "OWNER", "Seller", "13600000001", unit, null);
        String buyer = given.account(SUNRISE, "OWNER", "Buyer", "13600000002", spare, null);
        given.charge(seller, "200.00", "2026-11");

        assertThat(api.post("cs", "/api/accounts/" + seller + "/unit-transfers", """
                {"unitId":"%s","toAccountId":"%s","transferDate":"2026-11-20","reason":"Sold, deed 2026-0042"}"""
                .formatted(unit, buyer)).status()).isEqualTo(204);

        JsonNode buyerEntry = eventually(() -> api.get("cs", "/api/accounts/" + buyer).json(),
                json -> json.get("units").size() == 2);
        assertThat(buyerEntry.get("units").findValuesAsText("unitId")).containsExactly(spare, unit);
        JsonNode sellerEntry = eventually(() -> api.get("cs", "/api/accounts/" + seller).json(),
                json -> json.get("units").isEmpty());
        assertThat(sellerEntry.get("status").asText()).isEqualTo("ACTIVE");

        Response owing = api.post("cs", "/api/accounts/" + seller + "/move-out",
                "{\"moveOutDate\":\"2026-11-30\",\"reason\":\"Sold the flat\"}");
        assertThat(owing.status()).isEqualTo(409);
        assertThat(owing.json().get("code").asText()).isEqualTo("balance-outstanding");

        given.payment(seller, "200.00", "R-SETTLE-1");
        assertThat(api.post("cs", "/api/accounts/" + seller + "/move-out",
                "{\"moveOutDate\":\"2026-11-30\",\"reason\":\"Sold the flat\"}").status()).isEqualTo(204);
        JsonNode closed = eventually(() -> api.get("cs", "/api/accounts/" + seller).json(),
                json -> "CLOSED".equals(json.get("status").asText()));
        assertThat(closed.get("moveOutDate").asText()).isEqualTo("2026-11-30");

        Response chargeClosed = api.post("finance", "/api/accounts/" + seller + "/charges", """
                {"feeItem":"PROPERTY_FEE","period":"2026-12","amount":"1.00","currency":"CNY","dueDate":"2026-12-31"}""");
        assertThat(chargeClosed.status()).isEqualTo(409);
        assertThat(chargeClosed.json().get("code").asText()).isEqualTo("account-closed");
    }

    @Test
    void aTransferOfAUnitTheSellerDoesNotHoldChangesNothing() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "Tower H"), unitNumber(), "90");
        String other = given.unit(SUNRISE, given.building(SUNRISE, "Tower I"), unitNumber(), "90");
        String seller = given.account(SUNRISE, "OWNER", "Seller", "13600000011", unit, null);
        String buyer = given.account(SUNRISE, "OWNER", "Buyer", "13600000012", other, null);

        Response response = api.post("cs", "/api/accounts/" + seller + "/unit-transfers", """
                {"unitId":"%s","toAccountId":"%s","transferDate":"2026-11-20","reason":"Sold"}"""
                .formatted(other, buyer));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asText()).isEqualTo("unit-not-on-account");
        JsonNode buyerEntry = eventually(() -> api.get("cs", "/api/accounts/" + buyer), r -> r.status() == 200).json();
        assertThat(buyerEntry.get("units").findValuesAsText("unitId")).containsExactly(other);
        JsonNode sellerEntry = api.get("cs", "/api/accounts/" + seller).json();
        assertThat(sellerEntry.get("units").findValuesAsText("unitId")).containsExactly(unit);
    }
}
