package estate.application.owners;

import estate.application.support.ApiClient.Response;
import estate.application.support.ApplicationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets application/problem+json with a stable code, never a 500 or a stack trace. */
class ProblemResponsesTest extends ApplicationTest {

    @Test
    void invalidFieldsAreListed() {
        Response response = api.post("cs", "/api/accounts", """
                {"estateId":"sunrise","holderType":"OWNER","name":"","phone":"13300000000","unitIds":[]}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("validation-failed");
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name",
                "unitIds");
    }

    @Test
    void malformedJsonAndUnknownEnumValuesAreBadRequests() {
        Response broken = api.post("manager", "/api/estates/sunrise/buildings", "{\"name\": ");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("code").asText()).isEqualTo("malformed-request");
        assertThat(broken.body()).doesNotContain("Exception").doesNotContain("at com.");

        Response badEnum = api.post("cs", "/api/accounts", """
                {"estateId":"sunrise","holderType":"LANDLORD","name":"A","phone":"13300000000","unitIds":["u"]}""");
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.json().get("code").asText()).isEqualTo("malformed-request");
    }

    @Test
    void badIdentifiersInThePathAreBadRequests() {
        Response response = api.get("cs", "/api/accounts/not%20an%20id");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("invalid-parameter");
    }

    @Test
    void unknownRecordsAreNotFound() {
        Response unknownUnit = api.post("cs", "/api/accounts", """
                {"estateId":"sunrise","holderType":"OWNER","name":"A","phone":"13300000000","unitIds":["no-such-unit"]}""");
        assertThat(unknownUnit.status()).isEqualTo(404);
        assertThat(unknownUnit.json().get("code").asText()).isEqualTo("unknown-unit");

        Response unknownAccount = api.get("cs", "/api/accounts/no-such-account");
        assertThat(unknownAccount.status()).isEqualTo(404);
        assertThat(unknownAccount.json().get("code").asText()).isEqualTo("account-not-found");

        Response unknownBuilding = api.post("manager", "/api/estates/sunrise/units",
                "{\"buildingId\":\"nope\",\"number\":\"X\",\"floor\":1,\"floorArea\":\"10\",\"use\":\"STORAGE\"}");
        assertThat(unknownBuilding.status()).isEqualTo(404);
        assertThat(unknownBuilding.json().get("code").asText()).isEqualTo("unknown-building");
    }

    @Test
    void registeringAnExistingEstateIsAConflict() {
        Response again = api.post("manager", "/api/estates", """
                {"estateId":"sunrise","name":"Again","address":"x","zoneId":"Asia/Shanghai","currency":"CNY"}""");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("already-exists");
    }

    @Test
    void aBadTimeZoneOrCurrencyIsABadRequest() {
        Response zone = api.post("manager", "/api/estates", """
                {"estateId":"lakeside","name":"L","address":"x","zoneId":"Mars/Olympus","currency":"CNY"}""");
        assertThat(zone.status()).isIn(400, 409);
        Response currency = api.post("manager", "/api/estates", """
                {"estateId":"lakeside","name":"L","address":"x","zoneId":"Asia/Shanghai","currency":"XXQ"}""");
        assertThat(currency.status()).isIn(400, 409);
    }

    @Test
    void absurdlyLargeAmountsAreRefusedCheaply() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "Huge"), unitNumber(), "50");
        String account = given.account(SUNRISE, "OWNER", "Huge", "13300000099", unit, null);

        Response huge = api.post("finance", "/api/accounts/" + account + "/payments",
                "{\"amount\":1e999999,\"currency\":\"CNY\",\"channel\":\"CASH\",\"receiptNumber\":\"H-1\"}");

        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.json().get("code").asText()).isEqualTo("invalid-amount");
    }
}
