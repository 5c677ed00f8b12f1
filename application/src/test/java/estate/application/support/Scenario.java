package estate.application.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Builds the usual starting point of a test through the API: an estate with a building and units. */
public final class Scenario {

    private final ApiClient api;

    public Scenario(ApiClient api) {
        this.api = api;
    }

    public String estate(String estateId) {
        return api.ok("manager", "/api/estates", """
                {"estateId":"%s","name":"Sunrise Garden","address":"1 Riverside Road","zoneId":"Asia/Shanghai",
                 "currency":"CNY"}""".formatted(estateId)).id();
    }

    /** Registers the estate unless an earlier test did. */
    public void ensureEstate(String estateId) {
        ApiClient.Response response = api.post("manager", "/api/estates", """
                {"estateId":"%s","name":"Estate %s","address":"1 Riverside Road","zoneId":"Asia/Shanghai",
                 "currency":"CNY"}""".formatted(estateId, estateId));
        if (response.status() != 201 && response.status() != 409) {
            throw new AssertionError("Could not register " + estateId + ": " + response.body());
        }
    }

    public String building(String estateId, String name) {
        return api.ok("manager", "/api/estates/" + estateId + "/buildings",
                "{\"name\":\"" + name + "\",\"floors\":18}").id();
    }

    public String unit(String estateId, String buildingId, String number, String area) {
        return api.ok("manager", "/api/estates/" + estateId + "/units", """
                {"buildingId":"%s","number":"%s","floor":12,"floorArea":"%s","use":"RESIDENTIAL"}"""
                .formatted(buildingId, number, area)).id();
    }

    public String account(String estateId, String holderType, String name, String phone, String unitId,
                          String portalUser) {
        return api.ok("cs", "/api/accounts", """
                {"estateId":"%s","holderType":"%s","name":"%s","phone":"%s","email":"li@example.com",
                 "unitIds":["%s"],"moveInDate":"2026-01-15"%s}"""
                .formatted(estateId, holderType, name, phone, unitId,
                        portalUser == null ? "" : ",\"portalUser\":\"" + portalUser + "\"")).id();
    }

    public String charge(String accountId, String amount, String period) {
        return api.ok("finance", "/api/accounts/" + accountId + "/charges", """
                {"feeItem":"PROPERTY_FEE","period":"%s","amount":"%s","currency":"CNY","dueDate":"2026-12-31"}"""
                .formatted(period, amount)).id();
    }

    public String payment(String accountId, String amount, String receipt) {
        return api.ok("finance", "/api/accounts/" + accountId + "/payments", """
                {"amount":"%s","currency":"CNY","channel":"WECHAT_PAY","receiptNumber":"%s"}"""
                .formatted(amount, receipt)).id();
    }

    /** Read models follow the log within milliseconds; tests wait for them, bounded. */
    public static <T> T eventually(Supplier<T> read, Predicate<T> ready) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(25))
                .until(read::get, ready::test);
    }
}
