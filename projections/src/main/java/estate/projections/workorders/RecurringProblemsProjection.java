package estate.projections.workorders;

import estate.domain.workorders.WorkOrderEvent.WorkOrderCancelled;
import estate.domain.workorders.WorkOrderEvent.WorkOrderReported;
import estate.domain.workorders.WorkOrderQueries.GetRecurringProblems;
import estate.projections.workorders.RecurringProblems.ProblemCount;
import estate.projections.workorders.RecurringProblems.RepeatLocation;
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

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Recurring problems: reported faults (repairs, including those an inspection found; not the inspection rounds
 * themselves) by place, category and month, and the places that keep failing — what maintenance should look at.
 */
@Component
@ProcessingGroup(RecurringProblemsProjection.GROUP)
public class RecurringProblemsProjection {

    public static final String GROUP = "recurring-problems";
    static final int TOP = 10;

    private final MongoTemplate mongo;

    public RecurringProblemsProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(WorkOrderReported e, @SequenceNumber long sequence) {
        WriteBuffer.of(mongo).insertOnce(e.workOrderId().value(),
                new ProblemReport(e.workOrderId().value(), e.estateId().value(), e.location().key(),
                e.location().label(), e.category().name(), YearMonth.from(e.reportedAt().atZone(e.zoneId())).toString(),
                e.source().name(), false, sequence));
    }

    @EventHandler
    void on(WorkOrderCancelled e, @SequenceNumber long sequence) {
        WriteBuffer.of(mongo).update(ProblemReport.class, e.workOrderId().value(), sequence,
                new Update().set("cancelled", true));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ProblemReport.class);
    }

    @QueryHandler
    RecurringProblems handle(GetRecurringProblems query) {
        String from = query.from().toString();
        String to = query.to().toString();
        List<ProblemReport> reports = mongo.find(Query.query(where("estateId").is(query.estateId().value())
                .and("cancelled").is(false).and("month").gte(from).lte(to)), ProblemReport.class);

        Map<List<String>, List<ProblemReport>> byPlaceCategoryMonth = reports.stream()
                .sorted(Comparator.comparing(ProblemReport::locationKey).thenComparing(ProblemReport::category)
                        .thenComparing(ProblemReport::month))
                .collect(Collectors.groupingBy(r -> List.of(r.locationKey(), r.category(), r.month()),
                        LinkedHashMap::new, Collectors.toList()));
        List<ProblemCount> counts = new ArrayList<>();
        byPlaceCategoryMonth.forEach((key, group) -> counts.add(new ProblemCount(key.get(0),
                group.get(0).locationLabel(), key.get(1), key.get(2), group.size())));

        Map<String, List<ProblemReport>> byPlace = reports.stream().collect(Collectors.groupingBy(
                ProblemReport::locationKey, TreeMap::new, Collectors.toList()));
        List<RepeatLocation> repeats = byPlace.values().stream()
                .filter(group -> group.size() >= 2)
                .map(group -> new RepeatLocation(group.get(0).locationKey(), group.get(0).locationLabel(), group.size(),
                        List.copyOf(group.stream().map(ProblemReport::category).collect(Collectors.toCollection(TreeSet::new))),
                        group.stream().map(ProblemReport::month).min(Comparator.naturalOrder()).orElseThrow(),
                        group.stream().map(ProblemReport::month).max(Comparator.naturalOrder()).orElseThrow()))
                .sorted(Comparator.comparingInt(RepeatLocation::count).reversed()
                        .thenComparing(RepeatLocation::locationKey))
                .limit(TOP)
                .toList();
        return new RecurringProblems(query.estateId().value(), from, to, reports.size(), counts, repeats);
    }
}
