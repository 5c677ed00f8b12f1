package estate.projections.workorders;

import estate.domain.workorders.Priority;
import estate.domain.workorders.WorkOrderQueries.CountOpenWorkOrders;
import estate.projections.support.OpenEstateIndex;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Work owed in an estate, counted on the read models (no documents are shipped): open orders, of which not yet
 * assigned, emergencies, and past their running deadline; escalations the manager has not acknowledged. The counts
 * select by {@code openEstateId} ({@link OpenEstateIndex}), so they read the estate's open orders and escalations
 * only, not every one it ever had.
 */
public record WorkOrderCounts(long open, long unassigned, long emergencies, long pastDeadline,
                              long openEscalations) {

    /** Answers {@link CountOpenWorkOrders} from the work-queue and escalation read models. */
    @Component
    public static class Handler {

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
                    mongo.count(Query.query(where(OpenEstateIndex.FIELD).is(estate)), EscalationView.class));
        }

        /** Open orders of the estate: {@code openEstateId} is set exactly while the status is open. */
        private static Criteria open(String estate) {
            return where(OpenEstateIndex.FIELD).is(estate);
        }

        private long count(Criteria criteria) {
            return mongo.count(Query.query(criteria), WorkOrderView.class);
        }
    }
}
