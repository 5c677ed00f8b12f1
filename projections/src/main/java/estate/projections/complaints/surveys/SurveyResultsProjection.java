package estate.projections.complaints.surveys;

import estate.domain.complaints.surveys.Answer;
import estate.domain.complaints.surveys.Question;
import estate.domain.complaints.surveys.QuestionType;
import estate.domain.complaints.surveys.SurveyEvent.SurveyAnswered;
import estate.domain.complaints.surveys.SurveyEvent.SurveyClosed;
import estate.domain.complaints.surveys.SurveyEvent.SurveyDefined;
import estate.domain.complaints.surveys.SurveyEvent.SurveySent;
import estate.projections.complaints.surveys.SurveyQueries.GetSurvey;
import estate.projections.complaints.surveys.SurveyQueries.GetSurveyResults;
import estate.projections.complaints.surveys.SurveyResults.QuestionResult;
import estate.projections.complaints.surveys.SurveyResults.Tally;
import estate.projections.support.WriteBuffer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Survey results: each survey as sent and each account's answers; the figures are computed when asked. */
@Component
@ProcessingGroup(SurveyResultsProjection.GROUP)
public class SurveyResultsProjection {

    public static final String GROUP = "survey-results";
    static final String UNKNOWN = "unknown";

    private final MongoTemplate mongo;

    public SurveyResultsProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(SurveyDefined e, @SequenceNumber long seq) {
        WriteBuffer.of(mongo).insertOnce(e.surveyId().value(),
                new SurveyView(e.surveyId().value(), e.estateId().value(), e.title(),
                e.questions(), null, null, null, false, false, seq));
    }

    @EventHandler
    void on(SurveySent e, @SequenceNumber long seq) {
        WriteBuffer.of(mongo).update(SurveyView.class, e.surveyId().value(), seq, new Update().set("sent", true)
                .set("buildingId", e.buildingId() == null ? null : e.buildingId().value())
                .set("opensOn", e.opensOn()).set("closesOn", e.closesOn()));
    }

    @EventHandler
    void on(SurveyClosed e, @SequenceNumber long seq) {
        WriteBuffer.of(mongo).update(SurveyView.class, e.surveyId().value(), seq, new Update().set("closed", true));
    }

    @EventHandler
    void on(SurveyAnswered e) {
        String id = e.surveyId().value() + ":" + e.accountId().value();
        WriteBuffer.of(mongo).insertOnce(id, new SurveyResponse(id, e.surveyId().value(), e.estateId().value(),
                e.accountId().value(), e.buildingId() == null ? null : e.buildingId().value(), e.answers(),
                e.answeredAt()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(SurveyView.class);
        mongo.dropCollection(SurveyResponse.class);
    }

    @QueryHandler
    Optional<SurveyView> handle(GetSurvey query) {
        return Optional.ofNullable(mongo.findById(query.surveyId(), SurveyView.class));
    }

    @QueryHandler
    Optional<SurveyResults> handle(GetSurveyResults query) {
        SurveyView survey = mongo.findById(query.surveyId(), SurveyView.class);
        if (survey == null) {
            return Optional.empty();
        }
        List<SurveyResponse> responses = mongo.find(Query.query(where("surveyId").is(query.surveyId())),
                SurveyResponse.class).stream().sorted(Comparator.comparing(SurveyResponse::id)).toList();
        return Optional.of(results(survey, responses, query.withFreeText()));
    }

    static SurveyResults results(SurveyView survey, List<SurveyResponse> responses, boolean withFreeText) {
        Map<String, List<SurveyResponse>> byBuilding = responses.stream().collect(Collectors.groupingBy(
                r -> r.buildingId() == null ? UNKNOWN : r.buildingId(), TreeMap::new, Collectors.toList()));
        Map<String, List<QuestionResult>> perBuilding = new LinkedHashMap<>();
        byBuilding.forEach((building, rs) -> perBuilding.put(building, questions(survey, rs, withFreeText)));
        Map<String, List<Integer>> ratingsByCategory = new TreeMap<>();
        for (Question q : survey.questions()) {
            if (q.type() == QuestionType.RATING && q.category() != null) {
                ratingsByCategory.computeIfAbsent(q.category(), c -> new ArrayList<>())
                        .addAll(answers(q, responses).stream().map(Answer::rating).toList());
            }
        }
        Map<String, Tally> byCategory = new TreeMap<>();
        ratingsByCategory.forEach((category, ratings) -> byCategory.put(category, tally(ratings)));
        return new SurveyResults(survey.id(), survey.estateId(), survey.title(), survey.buildingId(), survey.closed(),
                responses.size(), questions(survey, responses, withFreeText), perBuilding, byCategory);
    }

    private static List<QuestionResult> questions(SurveyView survey, List<SurveyResponse> responses,
                                                  boolean withFreeText) {
        return survey.questions().stream().map(q -> question(q, answers(q, responses), withFreeText)).toList();
    }

    private static List<Answer> answers(Question q, List<SurveyResponse> responses) {
        return responses.stream().flatMap(r -> r.answers().stream())
                .filter(a -> a.questionId().equals(q.questionId())).toList();
    }

    private static QuestionResult question(Question q, List<Answer> answers, boolean withFreeText) {
        Map<String, Long> counts = new LinkedHashMap<>();
        BigDecimal average = null;
        List<String> text = List.of();
        switch (q.type()) {
            case RATING -> {
                for (int r = 1; r <= 5; r++) {
                    int rating = r;
                    counts.put(String.valueOf(r), answers.stream().filter(a -> a.rating() == rating).count());
                }
                average = tally(answers.stream().map(Answer::rating).toList()).average();
            }
            case SINGLE_CHOICE -> q.options().forEach(option -> counts.put(option,
                    answers.stream().filter(a -> option.equals(a.choice())).count()));
            case FREE_TEXT -> text = withFreeText
                    ? answers.stream().map(Answer::text).filter(Objects::nonNull).toList() : List.of();
        }
        return new QuestionResult(q.questionId(), q.type().name(), q.text(), q.category(), answers.size(), average,
                counts, text);
    }

    static Tally tally(List<Integer> ratings) {
        return Tally.of(ratings);
    }
}
