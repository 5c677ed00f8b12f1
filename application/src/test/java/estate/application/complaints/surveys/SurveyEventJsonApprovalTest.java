package estate.application.complaints.surveys;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import estate.application.config.EstateJson;
import estate.domain.complaints.CarePolicyEvent;
import estate.domain.complaints.ComplaintEvent;
import estate.domain.complaints.surveys.Answer;
import estate.domain.complaints.surveys.Question;
import estate.domain.complaints.surveys.QuestionType;
import estate.domain.complaints.surveys.SurveyEvent;
import estate.domain.complaints.surveys.SurveyId;
import estate.domain.estates.BuildingId;
import estate.domain.estates.EstateId;
import estate.domain.owners.OwnerAccountId;
import estate.domain.workorders.InspectionPlanEvent;
import estate.domain.workorders.MaintenancePolicyEvent;
import estate.domain.workorders.WorkOrderEvent;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The survey events are a contract: each one's JSON is approved in {@code src/test/resources/events/<Event>.json},
 * like the complaints'. Run with {@code -Dapprove=true} only to write the file of a new event.
 */
class SurveyEventJsonApprovalTest {

    private static final Path APPROVED = Path.of("src/test/resources/events");
    private static final ObjectMapper MAPPER = EstateJson.messageMapper();
    private static final ObjectMapper PRETTY = EstateJson.messageMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final EstateId ESTATE = new EstateId("sunrise");
    private static final SurveyId SURVEY = new SurveyId("srv-0001");
    private static final Instant AT = Instant.parse("2026-11-28T02:30:00Z");

    static List<SurveyEvent> samples() {
        return List.of(
                new SurveyEvent.SurveyDefined(SURVEY, ESTATE, "Autumn 2026", List.of(
                        new Question("q1", QuestionType.RATING, "How clean are the stairs?", List.of(), "CLEANING"),
                        new Question("q2", QuestionType.SINGLE_CHOICE, "Is security adequate?",
                                List.of("yes", "no"), "SECURITY"),
                        new Question("q3", QuestionType.FREE_TEXT, "Anything else?", List.of(), null)), AT),
                new SurveyEvent.SurveySent(SURVEY, ESTATE, new BuildingId("bldg-3"), LocalDate.of(2026, 12, 1),
                        LocalDate.of(2026, 12, 15), ZoneId.of("Asia/Shanghai"), AT),
                new SurveyEvent.SurveyAnswered(SURVEY, ESTATE, new OwnerAccountId("acc-0001"),
                        new BuildingId("bldg-3"), List.of(Answer.rating("q1", 4), Answer.choice("q2", "yes"),
                        Answer.text("q3", "Lights in the garage")), AT),
                new SurveyEvent.SurveyClosed(SURVEY, ESTATE, AT));
    }

    @TestFactory
    Stream<DynamicTest> eachSurveyEventMatchesItsApprovedJsonAndReadsBackEqual() {
        return samples().stream().map(event -> DynamicTest.dynamicTest(event.getClass().getSimpleName(), () -> {
            String json = PRETTY.writeValueAsString(event) + "\n";
            Path file = APPROVED.resolve(event.getClass().getSimpleName() + ".json");
            if (Boolean.getBoolean("approve") && !Files.exists(file)) {
                Files.createDirectories(APPROVED);
                Files.writeString(file, json, StandardCharsets.UTF_8);
            }
            assertThat(file).as("approved JSON of " + event.getClass().getSimpleName()).exists();
            assertThat(json).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
            assertThat(MAPPER.readValue(Files.readString(file), event.getClass())).isEqualTo(event);
        }));
    }

    @Test
    void everySurveyEventHasASampleARevisionAndANameNoOtherEventUses() {
        List<Class<?>> events = Arrays.asList(SurveyEvent.class.getPermittedSubclasses());
        assertThat(samples()).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(events);
        assertThat(events).allSatisfy(type -> assertThat(type.getAnnotation(Revision.class)).isNotNull());
        List<String> others = Stream.of(ComplaintEvent.class, CarePolicyEvent.class, WorkOrderEvent.class,
                        MaintenancePolicyEvent.class, InspectionPlanEvent.class)
                .flatMap(type -> Arrays.stream(type.getPermittedSubclasses())).map(Class::getSimpleName).toList();
        assertThat(events.stream().map(Class::getSimpleName).filter(others::contains)).isEmpty();
    }

    @Test
    void periodsAreLocalDatesInTheEstatesZoneAndAnswersSayWhichKind() throws IOException {
        String sent = MAPPER.writeValueAsString(samples().get(1));
        assertThat(sent).contains("\"opensOn\":\"2026-12-01\"").contains("\"zoneId\":\"Asia/Shanghai\"");
        String answered = MAPPER.writeValueAsString(samples().get(2));
        assertThat(answered).contains("{\"questionId\":\"q1\",\"rating\":4,\"choice\":null,\"text\":null}");
    }
}
