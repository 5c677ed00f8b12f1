package estate.projections.complaints;

import estate.domain.complaints.ComplaintEvent.ComplaintAcknowledged;
import estate.domain.complaints.ComplaintEvent.ComplaintReceived;
import estate.domain.complaints.ComplaintEvent.ComplaintReopened;
import estate.domain.complaints.ComplaintEvent.ComplaintResolved;
import estate.projections.complaints.ComplaintAnalysis.Complainant;
import estate.projections.complaints.ComplaintAnalysis.Times;
import estate.projections.complaints.ComplaintQueries.GetComplaintAnalysis;
import estate.projections.support.Guarded;
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
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The complaint analysis: one facts document per complaint, figures computed per estate when asked. */
@Component
@ProcessingGroup(ComplaintAnalysisProjection.GROUP)
public class ComplaintAnalysisProjection {

    public static final String GROUP = "complaint-analysis";
    static final String UNKNOWN = "unknown";

    private final MongoTemplate mongo;

    public ComplaintAnalysisProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ComplaintReceived e, @SequenceNumber long seq) {
        Guarded.insertOnce(mongo, new ComplaintFacts(e.complaintId().value(), e.estateId().value(),
                e.accountId() == null ? null : e.accountId().value(),
                e.buildingId() == null ? UNKNOWN : e.buildingId().value(), e.channel().name(), e.category().name(),
                YearMonth.from(e.receivedAt().atOffset(ZoneOffset.UTC)).toString(),
                e.repeatOf() == null ? null : e.repeatOf().value(), e.receivedAt(), null, null, 0, seq));
    }

    @EventHandler
    void on(ComplaintAcknowledged e, @SequenceNumber long seq) {
        Guarded.update(mongo, ComplaintFacts.class, e.complaintId().value(), seq,
                new Update().set("acknowledgedAt", e.acknowledgedAt()));
    }

    @EventHandler
    void on(ComplaintResolved e, @SequenceNumber long seq) {
        ComplaintFacts facts = mongo.findById(e.complaintId().value(), ComplaintFacts.class);
        boolean first = facts != null && facts.resolvedAt() == null;
        Guarded.update(mongo, ComplaintFacts.class, e.complaintId().value(), seq,
                first ? new Update().set("resolvedAt", e.resolvedAt()) : new Update());
    }

    @EventHandler
    void on(ComplaintReopened e, @SequenceNumber long seq) {
        Guarded.update(mongo, ComplaintFacts.class, e.complaintId().value(), seq,
                new Update().max("reopenCount", e.reopenCount()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ComplaintFacts.class);
    }

    @QueryHandler
    ComplaintAnalysis handle(GetComplaintAnalysis query) {
        return analyse(query.estateId(),
                mongo.find(Query.query(where("estateId").is(query.estateId())), ComplaintFacts.class));
    }

    static ComplaintAnalysis analyse(String estateId, List<ComplaintFacts> facts) {
        List<Long> response = facts.stream().filter(f -> f.acknowledgedAt() != null)
                .map(f -> minutes(f.receivedAt(), f.acknowledgedAt())).toList();
        List<Long> resolution = facts.stream().filter(f -> f.resolvedAt() != null)
                .map(f -> minutes(f.receivedAt(), f.resolvedAt())).toList();
        int resolved = resolution.size();
        int reopened = (int) facts.stream().filter(f -> f.resolvedAt() != null && f.reopenCount() > 0).count();
        List<Complainant> repeat = facts.stream().map(ComplaintFacts::accountId).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> new Complainant(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Complainant::complaints).reversed()
                        .thenComparing(Complainant::accountId)).toList();
        return new ComplaintAnalysis(estateId, facts.size(), count(facts, ComplaintFacts::category),
                count(facts, ComplaintFacts::place), count(facts, ComplaintFacts::channel),
                count(facts, ComplaintFacts::month), times(response), times(resolution), resolved, reopened,
                resolved == 0 ? null : BigDecimal.valueOf(reopened).divide(BigDecimal.valueOf(resolved), 4,
                        RoundingMode.HALF_EVEN),
                (int) facts.stream().filter(f -> f.repeatOf() != null).count(), repeat);
    }

    private static Map<String, Long> count(List<ComplaintFacts> facts, Function<ComplaintFacts, String> key) {
        return facts.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static long minutes(Instant from, Instant to) {
        return Duration.between(from, to).toMinutes();
    }

    /** Median and p90 by nearest rank: the value at rank ceil(p × n) of the sorted times. */
    static Times times(List<Long> values) {
        if (values.isEmpty()) {
            return new Times(0, null, null);
        }
        List<Long> sorted = values.stream().sorted().toList();
        return new Times(sorted.size(), rank(sorted, 50), rank(sorted, 90));
    }

    private static Long rank(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent * sorted.size() / 100.0);
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
