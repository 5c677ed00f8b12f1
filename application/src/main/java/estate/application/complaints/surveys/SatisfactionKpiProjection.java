package estate.application.complaints.surveys;

import estate.domain.complaints.ComplaintEvent.ResolutionRated;
import estate.domain.complaints.ComplaintEvent.ReturnVisitRecorded;
import estate.domain.complaints.surveys.Answer;
import estate.domain.complaints.surveys.SurveyEvent.SurveyAnswered;
import estate.domain.workorders.WorkOrderEvent.WorkOrderVerified;
import estate.projections.complaints.surveys.SatisfactionKpi;
import estate.projections.complaints.surveys.SatisfactionRating;
import estate.projections.complaints.surveys.SurveyQueries.GetSatisfaction;
import estate.projections.complaints.surveys.SurveyResults.Tally;
import estate.projections.support.Guarded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The satisfaction KPI (a read model in the application module because it joins contexts by their events, like the
 * processes here; the read-model packages may know no other context's events — ArchitectureTest): one rating document per rating, from survey rating answers, complaint return visits and
 * resolution ratings, and work-order verifications (the only contexts' events it reads); figures when asked.
 */
@Component
@ProcessingGroup(SatisfactionKpiProjection.GROUP)
public class SatisfactionKpiProjection {

    public static final String GROUP = "satisfaction-kpi";

    private final MongoTemplate mongo;

    public SatisfactionKpiProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(SurveyAnswered e) {
        for (Answer a : e.answers()) {
            if (a.rating() != null) {
                record("survey:" + e.surveyId() + ":" + e.accountId() + ":" + a.questionId(), e.estateId().value(),
                        e.answeredAt(), "SURVEY", a.rating());
            }
        }
    }

    @EventHandler
    void on(ReturnVisitRecorded e, @SequenceNumber long seq) {
        record("complaint:" + e.complaintId() + ":" + seq, e.estateId().value(), e.visitedAt(), "RETURN_VISIT",
                e.satisfaction());
    }

    @EventHandler
    void on(ResolutionRated e, @SequenceNumber long seq) {
        record("complaint:" + e.complaintId() + ":" + seq, e.estateId().value(), e.ratedAt(), "COMPLAINT_RATING",
                e.rating());
    }

    @EventHandler
    void on(WorkOrderVerified e, @SequenceNumber long seq) {
        record("work-order:" + e.workOrderId() + ":" + seq, e.estateId().value(), e.verifiedAt(), "WORK_ORDER",
                e.rating());
    }

    private void record(String id, String estateId, Instant at, String source, int rating) {
        Guarded.insertOnce(mongo, new SatisfactionRating(id, estateId,
                YearMonth.from(at.atOffset(ZoneOffset.UTC)).toString(), source, rating));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(SatisfactionRating.class);
    }

    @QueryHandler
    SatisfactionKpi handle(GetSatisfaction query) {
        return kpi(query.estateId(), query.month(), mongo.find(Query.query(where("estateId").is(query.estateId())
                .and("month").is(query.month())), SatisfactionRating.class));
    }

    static SatisfactionKpi kpi(String estateId, String month, List<SatisfactionRating> ratings) {
        Tally all = Tally.of(ratings.stream().map(SatisfactionRating::rating).toList());
        Map<String, Tally> bySource = ratings.stream().collect(Collectors.groupingBy(SatisfactionRating::source,
                TreeMap::new, Collectors.collectingAndThen(Collectors.toList(), rs -> Tally.of(
                        rs.stream().map(SatisfactionRating::rating).toList()))));
        long satisfied = ratings.stream().filter(r -> r.rating() >= 4).count();
        return new SatisfactionKpi(estateId, month, ratings.size(), all.average(), ratings.isEmpty() ? null
                : BigDecimal.valueOf(satisfied).divide(BigDecimal.valueOf(ratings.size()), 4, RoundingMode.HALF_EVEN),
                bySource);
    }
}
