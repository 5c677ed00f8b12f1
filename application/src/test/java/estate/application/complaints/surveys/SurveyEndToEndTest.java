package estate.application.complaints.surveys;

import com.fasterxml.jackson.databind.JsonNode;
import estate.application.support.ApiClient;
import estate.application.support.Scenario;
import estate.application.support.TestStores;
import estate.application.workorders.ClockedApp;
import estate.application.workorders.MutableClock;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP → command → event → projection → HTTP for satisfaction surveys and the satisfaction KPI, on a controlled
 * application clock and stores of its own, so every figure of the month is exact.
 */
class SurveyEndToEndTest {

    /** Monday 2 March 2026, 09:00 in Shanghai. */
    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    @AfterAll
    static void restoreTheEventClock() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    @Test
    void aSurveyOfOneBuildingFromCreationToResultsAndTheMonthsSatisfactionKpi() {
        MutableClock clock = new MutableClock(T0);
        try (ClockedApp app = ClockedApp.start(TestStores.newDataDir(), clock)) {
            ApiClient api = app.api;
            Scenario given = new Scenario(api);
            given.ensureEstate("sunrise");
            String a = given.building("sunrise", "Survey A");
            String b = given.building("sunrise", "Survey B");
            String unitA = given.unit("sunrise", a, "A-101", "80.00");
            String inA = given.account("sunrise", "OWNER", "First Owner", "13500000001", unitA, "owner1");
            String inB = given.account("sunrise", "OWNER", "Second Owner", "13500000002",
                    given.unit("sunrise", b, "B-101", "80.00"), "owner2");

            String survey = """
                    {"title":"Spring 2026","buildingId":"%s","opensOn":"2026-03-01","closesOn":"2026-03-31",
                     "questions":[
                      {"questionId":"q1","type":"RATING","text":"How clean are the stairs?","category":"CLEANING"},
                      {"questionId":"q2","type":"SINGLE_CHOICE","text":"Is security adequate?","options":["yes","no"],
                       "category":"SECURITY"},
                      {"questionId":"q3","type":"FREE_TEXT","text":"Anything else?"}]}""".formatted(a);
            assertThat(api.post("cs", "/api/estates/sunrise/surveys", survey).status()).isEqualTo(403);
            ApiClient.Response created = api.post("manager", "/api/estates/sunrise/surveys", survey);
            assertThat(created.status()).isEqualTo(201);
            String id = created.id();
            assertThat(created.header("Location")).endsWith("/api/surveys/" + id);

            String answers = """
                    {"accountId":"%s","answers":[{"questionId":"q1","rating":4},{"questionId":"q2","choice":"yes"},
                     {"questionId":"q3","text":"Lights in the garage"}]}""";
            assertThat(api.post("owner1", "/api/surveys/" + id + "/answers", answers.formatted(inA)).status())
                    .isEqualTo(204);
            ApiClient.Response twice = api.post("owner1", "/api/surveys/" + id + "/answers", answers.formatted(inA));
            assertThat(twice.status()).isEqualTo(409);
            assertThat(twice.json().get("code").asText()).isEqualTo("already-answered");
            ApiClient.Response notAsked = api.post("owner2", "/api/surveys/" + id + "/answers", answers.formatted(inB));
            assertThat(notAsked.status()).isEqualTo(404);
            assertThat(notAsked.json().get("code").asText()).isEqualTo("not-in-audience");
            assertThat(api.post("owner2", "/api/surveys/" + id + "/answers", answers.formatted(inA)).status())
                    .as("another owner's account").isEqualTo(404);
            ApiClient.Response secondWithBadRating = api.post("owner1", "/api/surveys/" + id + "/answers",
                    "{\"accountId\":\"" + inA + "\",\"answers\":[{\"questionId\":\"q1\",\"rating\":7}]}");
            assertThat(secondWithBadRating.status()).isEqualTo(409);
            assertThat(secondWithBadRating.json().get("code").asText()).as("the account answered already").isEqualTo(
                    "already-answered");

            JsonNode results = eventually(() -> api.get("manager", "/api/surveys/" + id + "/results"),
                    r -> r.status() == 200 && r.json().get("responses").asInt() == 1).json();
            JsonNode q1 = results.get("questions").get(0);
            assertThat(q1.get("average").decimalValue()).isEqualByComparingTo("4.00");
            assertThat(q1.get("counts").get("4").asInt()).isEqualTo(1);
            assertThat(q1.get("counts").get("5").asInt()).isZero();
            assertThat(results.get("questions").get(1).get("counts").get("yes").asInt()).isEqualTo(1);
            assertThat(results.get("questions").get(2).get("freeText").get(0).asText())
                    .isEqualTo("Lights in the garage");
            assertThat(results.get("byBuilding").has(a)).isTrue();
            assertThat(results.get("byCategory").get("CLEANING").get("average").decimalValue())
                    .isEqualByComparingTo("4.00");
            JsonNode ownersView = api.get("owner2", "/api/surveys/" + id + "/results").json();
            assertThat(ownersView.get("questions").get(2).get("freeText")).isEmpty();
            assertThat(ownersView.toString()).doesNotContain("garage");
            assertThat(api.get("lakeside-cs", "/api/surveys/" + id + "/results").status()).isEqualTo(404);

            api.ok("manager", "/api/surveys/" + id + "/closure", "{}");
            ApiClient.Response closed = api.post("owner1", "/api/surveys/" + id + "/answers",
                    answers.formatted(inA));
            assertThat(closed.status()).isEqualTo(409);

            String complaint = api.ok("cs", "/api/complaints", """
                    {"estateId":"sunrise","accountId":"%s","channel":"PHONE","category":"CLEANLINESS",
                     "description":"Stairs dirty"}""".formatted(inA)).id();
            api.ok("cs", "/api/complaints/" + complaint + "/acknowledgement", "{\"message\":\"Noted\"}");
            api.ok("cs", "/api/complaints/" + complaint + "/assignment", "{\"team\":\"cleaning\"}");
            api.ok("cs", "/api/complaints/" + complaint + "/investigation", "{}");
            api.ok("cs", "/api/complaints/" + complaint + "/resolution", "{\"resolution\":\"Cleaned\"}");
            api.ok("cs", "/api/complaints/" + complaint + "/return-visit", "{\"rating\":3,\"accepted\":true}");

            String order = api.ok("owner1", "/api/work-orders", """
                    {"accountId":"%s","unitId":"%s","category":"WATER_SUPPLY",
                     "description":"Water leaks under the kitchen sink"}""".formatted(inA, unitA)).id();
            eventually(() -> api.get("cs", "/api/work-orders/" + order), r -> r.status() == 200);
            api.ok("cs", "/api/work-orders/" + order + "/triage", "{\"priority\":\"NORMAL\",\"paidRepair\":false}");
            api.ok("cs", "/api/work-orders/" + order + "/assignment", "{\"staffMember\":\"maint\"}");
            api.ok("maint", "/api/work-orders/" + order + "/acceptance", "{}");
            api.ok("maint", "/api/work-orders/" + order + "/start", "{}");
            api.ok("maint", "/api/work-orders/" + order + "/completion", """
                    {"summary":"Replaced the seal","labourHours":"1","labourCost":"50.00","currency":"CNY"}""");
            eventually(() -> api.post("owner1", "/api/work-orders/" + order + "/verification",
                    "{\"rating\":5,\"comment\":\"Quick\"}").status(), s -> s < 300);

            JsonNode kpi = eventually(() -> api.get("manager", "/api/estates/sunrise/satisfaction?month=2026-03")
                    .json(), j -> j.get("ratings").asInt() == 3);
            assertThat(kpi.get("average").decimalValue()).isEqualByComparingTo("4.00");
            assertThat(kpi.get("satisfiedShare").decimalValue()).isEqualByComparingTo("0.6667");
            assertThat(kpi.get("bySource").get("SURVEY").get("average").decimalValue()).isEqualByComparingTo("4");
            assertThat(kpi.get("bySource").get("RETURN_VISIT").get("average").decimalValue())
                    .isEqualByComparingTo("3");
            assertThat(kpi.get("bySource").get("WORK_ORDER").get("average").decimalValue())
                    .isEqualByComparingTo("5");
            assertThat(api.get("auditor", "/api/estates/sunrise/satisfaction?month=2026-04").json()
                    .get("ratings").asInt()).isZero();
            assertThat(api.get("cs", "/api/estates/sunrise/satisfaction?month=2026-03").status()).isEqualTo(200);
            assertThat(api.get("maint", "/api/estates/sunrise/satisfaction?month=2026-03").status()).isEqualTo(403);
            assertThat(api.get("owner1", "/api/estates/sunrise/satisfaction?month=2026-03").status()).isEqualTo(403);
            assertThat(api.get("manager", "/api/estates/sunrise/satisfaction?month=March").status()).isEqualTo(400);
        }
    }
}
