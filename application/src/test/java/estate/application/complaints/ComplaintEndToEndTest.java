package estate.application.complaints;

import estate.application.support.ApplicationTest;
import org.junit.jupiter.api.Test;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** HTTP → command → event → projection → HTTP for complaints, with the spawned work order. */
class ComplaintEndToEndTest extends ApplicationTest {

    @Test
    void anOwnerFilesInTheAppAWorkOrderIsSpawnedAndCompletedAndTheReturnVisitClosesIt() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "C 1"), unitNumber(), "88.00");
        String account = given.account(SUNRISE, "OWNER", "Sun Li", "13900000009", unit, "owner1");
        String id = api.post("owner1", "/api/complaints", "{\"accountId\":\"" + account
                + "\",\"category\":\"NOISE\",\"description\":\"Lobby door slams all night\"}").id();
        api.ok("cs", "/api/complaints/" + id + "/acknowledgement", "{\"message\":\"We will look into it\"}");
        api.ok("cs", "/api/complaints/" + id + "/assignment", "{\"staffMember\":\"cs\"}");
        api.ok("cs", "/api/complaints/" + id + "/investigation", "{}");
        api.ok("cs", "/api/complaints/" + id + "/resolution", "{\"resolution\":\"A door closer will be fitted\","
                + "\"actions\":[\"Inspected the door\"],\"workOrder\":{\"facility\":\"Lobby door\","
                + "\"description\":\"Fit a door closer\"}}");
        String wo = eventually(() -> api.get("cs", "/api/complaints/" + id).json(),
                j -> j.hasNonNull("workOrderId")).get("workOrderId").asText();
        eventually(() -> api.get("cs", "/api/work-orders/" + wo), r -> r.status() == 200);
        assertThat(api.post("cs", "/api/complaints/" + id + "/return-visit",
                "{\"rating\":5,\"accepted\":true}").status()).isEqualTo(409);
        api.ok("cs", "/api/work-orders/" + wo + "/triage", "{\"priority\":\"NORMAL\",\"paidRepair\":false}");
        api.ok("cs", "/api/work-orders/" + wo + "/assignment", "{\"staffMember\":\"maint\"}");
        api.ok("maint", "/api/work-orders/" + wo + "/acceptance", "{}");
        api.ok("maint", "/api/work-orders/" + wo + "/start", "{}");
        api.ok("maint", "/api/work-orders/" + wo + "/completion", "{\"summary\":\"Fitted\",\"labourHours\":\"1\","
                + "\"labourCost\":\"50.00\",\"currency\":\"CNY\"}");
        eventually(() -> api.post("cs", "/api/complaints/" + id + "/return-visit",
                "{\"rating\":5,\"accepted\":true}").status(), s -> s < 300);
        var mine = eventually(() -> api.get("owner1", "/api/complaints/" + id).json(),
                j -> "CLOSED".equals(j.get("status").asText()));
        assertThat(mine.has("handler")).isFalse();
        assertThat(api.get("owner2", "/api/complaints/" + id).status()).isEqualTo(404);
    }

    @Test
    void aComplaintNotAcceptedOnTheReturnVisitIsReopenedAndEscalated() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "C 2"), unitNumber(), "88.00");
        String account = given.account(SUNRISE, "OWNER", "Qian Yu", "13900000008", unit, "owner1");
        String id = api.post("cs", "/api/complaints", "{\"estateId\":\"sunrise\",\"accountId\":\"" + account
                + "\",\"channel\":\"PHONE\",\"category\":\"CLEANLINESS\",\"description\":\"Stairs dirty\"}").id();
        api.ok("cs", "/api/complaints/" + id + "/acknowledgement", "{\"message\":\"Noted\"}");
        api.ok("cs", "/api/complaints/" + id + "/assignment", "{\"team\":\"cleaning\"}");
        api.ok("cs", "/api/complaints/" + id + "/investigation", "{}");
        api.ok("cs", "/api/complaints/" + id + "/resolution", "{\"resolution\":\"Cleaned\"}");
        api.ok("cs", "/api/complaints/" + id + "/return-visit", "{\"rating\":2,\"accepted\":false}");
        var view = eventually(() -> api.get("cs", "/api/complaints/" + id).json(),
                j -> j.get("reopenCount").asInt() == 1);
        assertThat(view.get("status").asText()).isEqualTo("INVESTIGATING");
        assertThat(view.get("escalationLevel").asInt()).isEqualTo(2);
    }
}
