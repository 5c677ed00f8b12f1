package estate.domain.complaints.surveys;

import estate.domain.complaints.surveys.SurveyCommands.AnswerSurvey;
import estate.domain.complaints.surveys.SurveyCommands.CloseSurvey;
import estate.domain.complaints.surveys.SurveyCommands.DefineSurvey;
import estate.domain.complaints.surveys.SurveyCommands.SendSurvey;
import estate.domain.complaints.surveys.SurveyEvent.SurveyAnswered;
import estate.domain.complaints.surveys.SurveyEvent.SurveyClosed;
import estate.domain.complaints.surveys.SurveyEvent.SurveyDefined;
import estate.domain.complaints.surveys.SurveyEvent.SurveySent;
import estate.domain.estates.BuildingId;
import estate.domain.estates.EstateId;
import estate.domain.owners.OwnerAccountId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.shared.DomainRuleViolation.Kind.NOT_FOUND;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;
import static estate.domain.testing.RuleViolationMatcher.violation;

/** Satisfaction surveys: defining, sending to an estate or a building, answering once in the period, closing. */
class SatisfactionSurveyTest {

    static final EstateId ESTATE = EstateId.of("E1");
    static final SurveyId SURVEY = SurveyId.of("S-1");
    static final BuildingId B1 = BuildingId.of("B1");
    static final BuildingId B2 = BuildingId.of("B2");
    static final OwnerAccountId IN_B1 = OwnerAccountId.of("A1");
    static final OwnerAccountId IN_B2 = OwnerAccountId.of("A2");
    static final OwnerAccountId OTHER_ESTATE = OwnerAccountId.of("A9");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant DEFINED_AT = Instant.parse("2026-11-01T01:00:00Z");
    static final LocalDate OPENS = LocalDate.of(2026, 11, 2);
    static final LocalDate CLOSES = LocalDate.of(2026, 11, 15);
    /** 2026-11-15 23:30 in Shanghai: the last day, still open. */
    static final Instant LAST_EVENING = Instant.parse("2026-11-15T15:30:00Z");
    /** 2026-11-16 00:30 in Shanghai: closed. */
    static final Instant DAY_AFTER = Instant.parse("2026-11-15T16:30:00Z");
    static final List<Question> QUESTIONS = List.of(
            new Question("q1", QuestionType.RATING, "How clean are the stairs?", List.of(), "CLEANING"),
            new Question("q2", QuestionType.SINGLE_CHOICE, "Is security adequate?", List.of("yes", "no"), "SECURITY"),
            new Question("q3", QuestionType.FREE_TEXT, "Anything else?", List.of(), null));
    static final List<Answer> ANSWERS = List.of(Answer.rating("q1", 4), Answer.choice("q2", "yes"),
            Answer.text("q3", "Lights in the garage"));

    static final SurveyDefined DEFINED = new SurveyDefined(SURVEY, ESTATE, "Autumn 2026", QUESTIONS, DEFINED_AT);
    static final SurveySent SENT_TO_B1 = new SurveySent(SURVEY, ESTATE, B1, OPENS, CLOSES, SHANGHAI, DEFINED_AT);
    static final SurveySent SENT_TO_ESTATE = new SurveySent(SURVEY, ESTATE, null, OPENS, CLOSES, SHANGHAI, DEFINED_AT);

    static SurveyLookup lookup() {
        Map<OwnerAccountId, EstateId> estates = Map.of(IN_B1, ESTATE, IN_B2, ESTATE, OTHER_ESTATE, EstateId.of("E2"));
        Map<OwnerAccountId, Set<BuildingId>> buildings = Map.of(IN_B1, Set.of(B1), IN_B2, Set.of(B2));
        return new SurveyLookup() {
            @Override
            public Optional<ZoneId> zoneOf(EstateId estateId) {
                return estateId.equals(ESTATE) ? Optional.of(SHANGHAI) : Optional.empty();
            }

            @Override
            public Optional<EstateId> estateOfOwnerAccount(OwnerAccountId accountId) {
                return Optional.ofNullable(estates.get(accountId));
            }

            @Override
            public Set<BuildingId> buildingsOfAccount(OwnerAccountId accountId) {
                return buildings.getOrDefault(accountId, Set.of());
            }
        };
    }

    static AggregateTestFixture<SatisfactionSurvey> fixture() {
        AggregateTestFixture<SatisfactionSurvey> fixture = new AggregateTestFixture<>(SatisfactionSurvey.class);
        fixture.registerInjectableResource(lookup());
        return fixture;
    }

    @Test
    void theManagerDefinesASurveyWithRatingChoiceAndFreeTextQuestions() {
        fixture().givenNoPriorActivity()
                .when(new DefineSurvey(SURVEY, ESTATE, "Autumn 2026", QUESTIONS, DEFINED_AT))
                .expectEvents(DEFINED);
    }

    @Test
    void rejectsASurveyForAnUnknownEstate() {
        fixture().givenNoPriorActivity()
                .when(new DefineSurvey(SURVEY, EstateId.of("E404"), "Autumn", QUESTIONS, DEFINED_AT))
                .expectNoEvents().expectException(violation(NOT_FOUND, "unknown-estate"));
    }

    @Test
    void rejectsAChoiceQuestionWithFewerThanTwoOptions() {
        fixture().givenNoPriorActivity()
                .when(new DefineSurvey(SURVEY, ESTATE, "Autumn", List.of(new Question("q1",
                        QuestionType.SINGLE_CHOICE, "Pick", List.of("only"), null)), DEFINED_AT))
                .expectNoEvents().expectException(violation(UNPROCESSABLE, "invalid-question"));
    }

    @Test
    void rejectsOptionsOnARatingQuestionAndDuplicateQuestionIds() {
        fixture().givenNoPriorActivity()
                .when(new DefineSurvey(SURVEY, ESTATE, "Autumn", List.of(new Question("q1",
                        QuestionType.RATING, "Rate", List.of("a", "b"), null)), DEFINED_AT))
                .expectNoEvents().expectException(violation(UNPROCESSABLE, "invalid-question"));
        fixture().givenNoPriorActivity()
                .when(new DefineSurvey(SURVEY, ESTATE, "Autumn", List.of(QUESTIONS.get(0), QUESTIONS.get(0)),
                        DEFINED_AT))
                .expectNoEvents().expectException(violation(UNPROCESSABLE, "invalid-question"));
    }

    @Test
    void rejectsASurveyWithoutQuestions() {
        fixture().givenNoPriorActivity()
                .when(new DefineSurvey(SURVEY, ESTATE, "Autumn", List.of(), DEFINED_AT))
                .expectNoEvents().expectException(violation(UNPROCESSABLE, "invalid-question"));
    }

    @Test
    void sendsToOneBuildingForAPeriodInTheEstatesZone() {
        fixture().given(DEFINED)
                .when(new SendSurvey(SURVEY, B1, OPENS, CLOSES, DEFINED_AT))
                .expectEvents(SENT_TO_B1);
    }

    @Test
    void rejectsAPeriodThatClosesBeforeItOpensAndASecondSending() {
        fixture().given(DEFINED)
                .when(new SendSurvey(SURVEY, B1, CLOSES, OPENS, DEFINED_AT))
                .expectNoEvents().expectException(violation(UNPROCESSABLE, "invalid-period"));
        fixture().given(DEFINED, SENT_TO_B1)
                .when(new SendSurvey(SURVEY, null, OPENS, CLOSES, DEFINED_AT))
                .expectNoEvents().expectException(violation(CONFLICT, "survey-already-sent"));
    }

    @Test
    void anOwnerOfTheBuildingAnswersOnTheLastEveningOfThePeriod() {
        fixture().given(DEFINED, SENT_TO_B1)
                .when(new AnswerSurvey(SURVEY, IN_B1, ANSWERS, LAST_EVENING))
                .expectEvents(new SurveyAnswered(SURVEY, ESTATE, IN_B1, B1, ANSWERS, LAST_EVENING));
    }

    @Test
    void anEstateWideSurveyRecordsTheBuildingOfTheAccountAndFreeTextIsOptional() {
        List<Answer> noText = ANSWERS.subList(0, 2);
        fixture().given(DEFINED, SENT_TO_ESTATE)
                .when(new AnswerSurvey(SURVEY, IN_B2, noText, LAST_EVENING))
                .expectEvents(new SurveyAnswered(SURVEY, ESTATE, IN_B2, B2, noText, LAST_EVENING));
    }

    @Test
    void aSecondAnswerOfTheSameAccountIsRefused() {
        fixture().given(DEFINED, SENT_TO_B1, new SurveyAnswered(SURVEY, ESTATE, IN_B1, B1, ANSWERS, LAST_EVENING))
                .when(new AnswerSurvey(SURVEY, IN_B1, ANSWERS, LAST_EVENING))
                .expectNoEvents().expectException(violation(CONFLICT, "already-answered"));
    }

    @Test
    void answersOutsideThePeriodBeforeSendingOrAfterClosingAreRefused() {
        fixture().given(DEFINED, SENT_TO_B1)
                .when(new AnswerSurvey(SURVEY, IN_B1, ANSWERS, DAY_AFTER))
                .expectNoEvents().expectException(violation(CONFLICT, "survey-closed"));
        fixture().given(DEFINED, SENT_TO_B1)
                .when(new AnswerSurvey(SURVEY, IN_B1, ANSWERS, Instant.parse("2026-11-01T15:59:59Z")))
                .expectNoEvents().expectException(violation(CONFLICT, "survey-closed"));
        fixture().given(DEFINED)
                .when(new AnswerSurvey(SURVEY, IN_B1, ANSWERS, LAST_EVENING))
                .expectNoEvents().expectException(violation(CONFLICT, "survey-closed"));
        fixture().given(DEFINED, SENT_TO_B1, new SurveyClosed(SURVEY, ESTATE, DEFINED_AT))
                .when(new AnswerSurvey(SURVEY, IN_B1, ANSWERS, LAST_EVENING))
                .expectNoEvents().expectException(violation(CONFLICT, "survey-closed"));
    }

    @Test
    void ownersOfAnotherBuildingOrEstateAreNotAsked() {
        fixture().given(DEFINED, SENT_TO_B1)
                .when(new AnswerSurvey(SURVEY, IN_B2, ANSWERS, LAST_EVENING))
                .expectNoEvents().expectException(violation(NOT_FOUND, "not-in-audience"));
        fixture().given(DEFINED, SENT_TO_ESTATE)
                .when(new AnswerSurvey(SURVEY, OTHER_ESTATE, ANSWERS, LAST_EVENING))
                .expectNoEvents().expectException(violation(NOT_FOUND, "not-in-audience"));
    }

    @Test
    void answersMustFitTheQuestions() {
        List<List<Answer>> misfits = List.of(
                List.of(Answer.rating("q1", 6), Answer.choice("q2", "yes")),
                List.of(Answer.rating("q1", 0), Answer.choice("q2", "yes")),
                List.of(Answer.rating("q1", 3), Answer.choice("q2", "maybe")),
                List.of(Answer.rating("q1", 3)),
                List.of(Answer.rating("q1", 3), Answer.choice("q2", "yes"), Answer.rating("q1", 4)),
                List.of(Answer.rating("q1", 3), Answer.choice("q2", "yes"), Answer.rating("q9", 4)),
                List.of(Answer.choice("q1", "yes"), Answer.choice("q2", "yes")),
                List.of(Answer.rating("q1", 3), Answer.choice("q2", "yes"), Answer.text("q3", " ")));
        misfits.forEach(answers -> fixture().given(DEFINED, SENT_TO_B1)
                .when(new AnswerSurvey(SURVEY, IN_B1, answers, LAST_EVENING))
                .expectNoEvents().expectException(violation(UNPROCESSABLE, "invalid-answer")));
    }

    @Test
    void theManagerClosesTheSurveyOnce() {
        Instant closedAt = Instant.parse("2026-11-10T02:00:00Z");
        fixture().given(DEFINED, SENT_TO_B1)
                .when(new CloseSurvey(SURVEY, closedAt))
                .expectEvents(new SurveyClosed(SURVEY, ESTATE, closedAt));
        fixture().given(DEFINED, SENT_TO_B1, new SurveyClosed(SURVEY, ESTATE, closedAt))
                .when(new CloseSurvey(SURVEY, closedAt))
                .expectNoEvents().expectException(violation(CONFLICT, "survey-closed"));
    }
}
