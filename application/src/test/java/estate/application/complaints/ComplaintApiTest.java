package estate.application.complaints;

import com.fasterxml.jackson.databind.JsonNode;
import estate.application.support.ApiClient;
import estate.application.support.ApplicationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The complaint endpoints beyond the happy path: history for staff and auditors, withdraw, merge, transfer, internal
 * notes, care terms and the owner's own list.
 */
class ComplaintApiTest extends ApplicationTest {

    @Test
    void theHistoryShowsWhoDidWhatAndWhenToStaffOfTheEstateAndAuditorsOnly() {
        String account = ownerAccount("Hist");
        String id = file("owner1", account, "NOISE", "Drilling at night");
        api.ok("cs", "/api/complaints/" + id + "/acknowledgement", "{\"message\":\"We will talk to them\"}");
        api.ok("cs", "/api/complaints/" + id + "/internal-notes", "{\"note\":\"Renovation permit ends Friday\"}");

        JsonNode history = eventually(() -> api.get("auditor", "/api/complaints/" + id + "/history").json(),
                h -> h.size() == 3);
        assertThat(kinds(history)).containsExactly("ComplaintReceived", "ComplaintAcknowledged", "InternalNoteAdded");
        assertThat(history.get(0).get("recordedBy").asText()).isEqualTo("owner1");
        assertThat(history.get(0).get("recordedByRole").asText()).isEqualTo("OWNER");
        assertThat(history.get(1).get("recordedBy").asText()).isEqualTo("cs");
        assertThat(history.get(1).get("recordedByRole").asText()).isEqualTo("CUSTOMER_SERVICE");
        assertThat(history.get(1).get("summary").asText()).isEqualTo("Acknowledged: We will talk to them");
        assertThat(history.get(2).get("summary").asText()).isEqualTo("Internal note: Renovation permit ends Friday");
        assertThat(history.get(0).get("sequence").asLong()).isZero();
        Instant received = Instant.parse(history.get(0).get("occurredAt").asText());
        assertThat(Instant.parse(history.get(1).get("occurredAt").asText())).isAfterOrEqualTo(received);

        assertThat(api.get("manager", "/api/complaints/" + id + "/history").status()).isEqualTo(200);
        assertThat(api.get("maint", "/api/complaints/" + id + "/history").status()).isEqualTo(200);
        assertThat(api.get("owner1", "/api/complaints/" + id + "/history").status()).isEqualTo(403);
        assertThat(api.get("lakeside-cs", "/api/complaints/" + id + "/history").status()).isEqualTo(404);
    }

    @Test
    void theComplainantWithdrawsInTheAppAndNeverSeesInternalNotesOrTheHandler() {
        String account = ownerAccount("Withdraw");
        String id = file("owner1", account, "PARKING", "Someone parks in my space");
        api.ok("cs", "/api/complaints/" + id + "/acknowledgement", "{\"message\":\"Noted\"}");
        api.ok("cs", "/api/complaints/" + id + "/assignment", "{\"staffMember\":\"cs\"}");
        api.ok("cs", "/api/complaints/" + id + "/internal-notes", "{\"note\":\"Plate SH-A1234, known visitor\"}");

        JsonNode mine = eventually(() -> api.get("owner1", "/api/me/complaints").json(),
                list -> find(list, id) != null && "ASSIGNED".equals(find(list, id).get("status").asText()));
        assertThat(mine.toString()).doesNotContain("SH-A1234").doesNotContain("\"handler\"");
        assertThat(find(api.get("owner2", "/api/me/complaints").json(), id)).isNull();
        assertThat(api.get("cs", "/api/me/complaints").status()).isEqualTo(403);
        assertThat(api.get("owner1", "/api/complaints/" + id).body()).doesNotContain("SH-A1234");

        assertThat(api.post("owner2", "/api/complaints/" + id + "/withdrawal", "{\"reason\":\"Not mine\"}")
                .status()).isEqualTo(404);
        api.ok("owner1", "/api/complaints/" + id + "/withdrawal", "{\"reason\":\"They moved the car\"}");
        eventually(() -> api.get("owner1", "/api/complaints/" + id).json(),
                view -> "WITHDRAWN".equals(view.get("status").asText()));
        JsonNode history = eventually(() -> api.get("cs", "/api/complaints/" + id + "/history").json(),
                h -> kinds(h).contains("ComplaintWithdrawn"));
        assertThat(history.get(history.size() - 1).get("summary").asText())
                .isEqualTo("Withdrawn by the complainant: They moved the car");
        ApiClient.Response again = api.post("cs", "/api/complaints/" + id + "/withdrawal", "{\"reason\":\"Twice\"}");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void customerServiceMergesADuplicateAndTransfersBetweenStaff() {
        String account = ownerAccount("Merge");
        String first = file("owner1", account, "SECURITY", "Gate left open");
        String duplicate = api.ok("cs", "/api/complaints", """
                {"estateId":"sunrise","channel":"LETTER","category":"SECURITY","description":"Gate open at night"}""")
                .id();
        ApiClient.Response self = api.post("cs", "/api/complaints/" + duplicate + "/merge",
                "{\"into\":\"" + duplicate + "\"}");
        assertThat(self.status()).isEqualTo(422);
        assertThat(self.json().get("code").asText()).isEqualTo("merge-into-self");
        assertThat(api.post("owner1", "/api/complaints/" + duplicate + "/merge", "{\"into\":\"" + first + "\"}")
                .status()).isEqualTo(403);
        api.ok("cs", "/api/complaints/" + duplicate + "/merge", "{\"into\":\"" + first + "\"}");
        eventually(() -> api.get("cs", "/api/complaints/" + duplicate).json(),
                view -> "MERGED".equals(view.get("status").asText()));

        api.ok("cs", "/api/complaints/" + first + "/acknowledgement", "{\"message\":\"Noted\"}");
        api.ok("cs", "/api/complaints/" + first + "/assignment", "{\"staffMember\":\"cs\"}");
        ApiClient.Response both = api.post("cs", "/api/complaints/" + first + "/transfer",
                "{\"staffMember\":\"cs\",\"team\":\"security\",\"reason\":\"Both\"}");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("code").asText()).isEqualTo("invalid-handler");
        api.ok("cs", "/api/complaints/" + first + "/transfer", "{\"team\":\"security\",\"reason\":\"Night shift\"}");
        JsonNode view = eventually(() -> api.get("cs", "/api/complaints/" + first).json(),
                v -> "team security".equals(v.get("handler").asText()));
        assertThat(view.get("status").asText()).isEqualTo("ASSIGNED");
        ApiClient.Response same = api.post("cs", "/api/complaints/" + first + "/transfer",
                "{\"team\":\"security\",\"reason\":\"Again\"}");
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.json().get("code").asText()).isEqualTo("same-handler");
    }

    @Test
    void theManagerSetsCareTermsThatApplyToComplaintsReceivedFromThenOn() {
        String terms = """
                {"targets":[{"category":"FEES","acknowledgeMinutes":15,"resolveMinutes":120}],
                 "returnVisitPolicy":"ONLY_WHEN_NOT_RATED"}""";
        assertThat(api.put("cs", "/api/estates/sunrise/care-terms", terms).status()).isEqualTo(403);
        ApiClient.Response invalid = api.put("manager", "/api/estates/sunrise/care-terms", """
                {"targets":[{"category":"FEES","acknowledgeMinutes":200,"resolveMinutes":120}],
                 "returnVisitPolicy":"ALWAYS"}""");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("code").asText()).isEqualTo("invalid-care-terms");
        assertThat(api.put("manager", "/api/estates/sunrise/care-terms", terms).status()).isEqualTo(204);
        try {
            String account = ownerAccount("Terms");
            String id = file("owner1", account, "FEES", "Charged twice for October");
            JsonNode view = eventually(() -> api.get("cs", "/api/complaints/" + id), r -> r.status() == 200).json();
            Instant received = Instant.parse(view.get("receivedAt").asText());
            // deadlines are rounded up to the whole second
            assertThat(Duration.between(received, Instant.parse(view.get("acknowledgeDue").asText())))
                    .isBetween(Duration.ofMinutes(15), Duration.ofMinutes(15).plusSeconds(1));
            assertThat(Duration.between(received, Instant.parse(view.get("resolutionDue").asText())))
                    .isBetween(Duration.ofMinutes(120), Duration.ofMinutes(120).plusSeconds(1));
        } finally {
            api.put("manager", "/api/estates/sunrise/care-terms", "{\"targets\":[],\"returnVisitPolicy\":\"ALWAYS\"}");
        }
    }

    private String ownerAccount(String name) {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "Complaints " + name), unitNumber(), "75.00");
        return given.account(SUNRISE, "OWNER", "Owner " + name, "13500000000", unit, "owner1");
    }

    private String file(String user, String account, String category, String description) {
        return api.ok(user, "/api/complaints", """
                {"accountId":"%s","category":"%s","description":"%s"}""".formatted(account, category, description))
                .id();
    }

    private static List<String> kinds(JsonNode history) {
        List<String> kinds = new ArrayList<>();
        history.forEach(entry -> kinds.add(entry.get("kind").asText()));
        return kinds;
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode item : list) {
            if (id.equals(item.get("id").asText())) {
                return item;
            }
        }
        return null;
    }
}
