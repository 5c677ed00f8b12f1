package estate.application.complaints.surveys;

import com.fasterxml.jackson.databind.JsonNode;
import estate.application.support.ApplicationTest;
import estate.application.support.ReadModelRebuild;
import estate.projections.complaints.surveys.SurveyResultsProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The survey results and the satisfaction KPI apply each event once however often it arrives, and a reset of each
 * processor rebuilds the same read models from the log.
 */
class SurveyProjectionReplayTest extends ApplicationTest {

    private static final List<String> GROUPS = List.of(SurveyResultsProjection.GROUP,
            SatisfactionKpiProjection.GROUP);

    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    SurveyResultsProjection results;
    @Autowired
    SatisfactionKpiProjection kpi;

    @Test
    void deliveringEveryEventOfASurveyASecondTimeChangesNothingAndAResetRebuildsTheSame() {
        String survey = answeredSurvey();
        Map<String, JsonNode> before = stable(survey);

        for (Object projection : List.of(results, kpi)) {
            AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
            for (DomainEventMessage<?> event : eventStore.readEvents(survey, 0).asStream().toList()) {
                if (adapter.canHandle(event)) {
                    try {
                        adapter.handle(event);
                    } catch (Exception e) {
                        throw new AssertionError("Redelivering " + event.getPayloadType() + " failed", e);
                    }
                }
            }
        }
        assertThat(readModels(survey)).isEqualTo(before);

        ReadModelRebuild.rebuild(processing, GROUPS);
        assertThat(eventually(() -> readModels(survey), before::equals)).isEqualTo(before);
    }

    private String answeredSurvey() {
        String building = given.building(SUNRISE, "Survey replay");
        String account = given.account(SUNRISE, "OWNER", "Replay Respondent", "13600000011",
                given.unit(SUNRISE, building, unitNumber(), "70.00"), "owner1");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String id = api.ok("manager", "/api/estates/sunrise/surveys", """
                {"title":"Replay","buildingId":"%s","opensOn":"%s","closesOn":"%s",
                 "questions":[{"questionId":"q1","type":"RATING","text":"Lifts?","category":"LIFTS"},
                  {"questionId":"q2","type":"FREE_TEXT","text":"Anything else?"}]}"""
                .formatted(building, today.minusDays(1), today.plusDays(30))).id();
        api.ok("owner1", "/api/surveys/" + id + "/answers", """
                {"accountId":"%s","answers":[{"questionId":"q1","rating":2},{"questionId":"q2","text":"Slow"}]}"""
                .formatted(account));
        eventually(() -> readModels(id), m -> m != null && m.get("results").get("responses").asInt() == 1);
        return id;
    }

    /** The KPI is its own processor: wait until two reads a moment apart agree. */
    private Map<String, JsonNode> stable(String survey) {
        AtomicReference<Map<String, JsonNode>> previous = new AtomicReference<>();
        eventually(() -> {
            Map<String, JsonNode> now = readModels(survey);
            return now != null && now.equals(previous.getAndSet(now));
        }, same -> same);
        return previous.get();
    }

    private Map<String, JsonNode> readModels(String survey) {
        Map<String, JsonNode> models = new LinkedHashMap<>();
        var answers = api.get("manager", "/api/surveys/" + survey + "/results");
        if (answers.status() != 200) {
            return null;
        }
        models.put("results", answers.json());
        models.put("kpi", api.get("manager", "/api/estates/sunrise/satisfaction?month="
                + YearMonth.now(ZoneOffset.UTC)).json());
        return models;
    }
}
