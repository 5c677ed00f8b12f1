package estate.projections.workorders;

import estate.domain.workorders.Priority;
import estate.domain.workorders.WorkOrderQueries.CountOpenWorkOrders;
import estate.domain.workorders.WorkOrderStatus;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Work owed in an estate, counted on the read models (no documents are shipped): open orders, of which not yet
 * assigned, emergencies, and past their running deadline; escalations the manager has not acknowledged.
 */
public record WorkOrderCounts(long open, long unassigned, long emergencies, long pastDeadline,
                              long openEscalations) {

    /** Answers {@link CountOpenWorkOrders} from the work-queue and escalation read models. */
    @Component
    public static class Handler {

        private static final List<String> OPEN = WorkOrderStatus.OPEN.stream().map(Enum::name).toList();

        private final MongoTemplate mongo;

        public Handler(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        @QueryHandler
        WorkOrderCounts handle(CountOpenWorkOrders query) {
            String estate = query.estateId().value();
            return new WorkOrderCounts(
                    count(open(estate)),
                    count(open(estate).and("assigneeStaff").is(null).and("assigneeContractId").is(null)),
                    count(open(estate).and("priority").is(Priority.EMERGENCY.name())),
                    count(open(estate).and("nextDeadline").lt(query.now())),
                    mongo.count(Query.query(where("estateId").is(estate).and("acknowledgedAt").is(null)),
                            EscalationView.class));
        }

        private static Criteria open(String estate) {
            return where("estateId").is(estate).and("status").in(OPEN);
        }

        private long count(Criteria criteria) {
            return mongo.count(Query.query(criteria), WorkOrderView.class);
        }
    }
}
