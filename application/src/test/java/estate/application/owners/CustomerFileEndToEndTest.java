package estate.application.owners;

import com.fasterxml.jackson.databind.JsonNode;
import estate.application.support.ApiClient.Response;
import estate.application.support.ApplicationTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** The customer file over HTTP: interactions and concerns, in order, with who recorded them. */
class CustomerFileEndToEndTest extends ApplicationTest {

    @Test
    void recordsInteractionsAndConcernsOnTheTimeline() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "File 1"), unitNumber(), "80");
        String account = given.account(SUNRISE, "OWNER", "Chen Jing", "13500000000", unit, "owner1");
        String path = "/api/accounts/" + account;

        api.ok("cs", path + "/interactions", """
                {"channel":"PHONE","summary":"Asked about the elevator noise at night","concernTags":["noise","elevator"],
                 "occurredAt":"2026-11-20T01:30:00Z"}""");
        String concern = api.ok("cs", path + "/concerns",
                "{\"topic\":\"noise\",\"detail\":\"Elevator motor hums after 23:00\"}").id();
        api.ok("manager", path + "/concerns/" + concern + "/resolution",
                "{\"resolution\":\"Motor mounts replaced by the elevator contractor\"}");
        String open = api.ok("cs", path + "/concerns", "{\"topic\":\"parking\",\"detail\":\"Wants a second space\"}")
                .id();

        JsonNode file = eventually(() -> api.get("cs", path + "/customer-file").json(),
                json -> json.path("timeline").size() == 5);
        JsonNode timeline = file.get("timeline");
        assertThat(timeline.findValuesAsText("kind")).containsExactly("ACCOUNT_OPENED", "INTERACTION",
                "CONCERN_NOTED", "CONCERN_RESOLVED", "CONCERN_NOTED");
        JsonNode interaction = timeline.get(1);
        assertThat(interaction.get("channel").asText()).isEqualTo("PHONE");
        assertThat(interaction.get("occurredAt").asText()).isEqualTo("2026-11-20T01:30:00Z");
        assertThat(interaction.get("staffMember").asText()).isEqualTo("cs");
        assertThat(interaction.get("recordedBy").asText()).isEqualTo("cs");
        assertThat(interaction.get("recordedByRole").asText()).isEqualTo("CUSTOMER_SERVICE");
        assertThat(List.of(interaction.get("concernTags").get(0).asText(), interaction.get("concernTags").get(1)
                .asText())).containsExactly("elevator", "noise");
        assertThat(timeline.get(3).get("recordedBy").asText()).isEqualTo("manager");
        assertThat(file.get("openConcerns").get(0).asText()).isEqualTo(open);
        assertThat(file.get("openConcerns")).hasSize(1);

        Response again = api.post("cs", path + "/concerns/" + concern + "/resolution", "{\"resolution\":\"again\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("concern-already-resolved");
    }

    @Test
    void theCustomerFileIsForStaffOfTheEstateNotForOwners() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "File 2"), unitNumber(), "80");
        String account = given.account(SUNRISE, "OWNER", "Private", "13500000001", unit, "owner1");

        assertThat(api.get("owner1", "/api/accounts/" + account + "/customer-file").status()).isEqualTo(403);
        assertThat(api.get("finance", "/api/accounts/" + account + "/customer-file").status()).isEqualTo(403);
        Response otherEstate = api.get("lakeside-cs", "/api/accounts/" + account + "/customer-file");
        assertThat(otherEstate.status()).isEqualTo(404);
        assertThat(otherEstate.json().get("code").asText()).isEqualTo("account-not-found");
        assertThat(eventually(() -> api.get("auditor", "/api/accounts/" + account + "/customer-file"),
                r -> r.status() == 200).json().get("accountId").asText()).isEqualTo(account);
    }
}
