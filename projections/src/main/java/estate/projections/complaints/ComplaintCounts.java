package estate.projections.complaints;

import estate.projections.complaints.ComplaintQueries.CountOpenComplaints;
import estate.projections.support.OpenEstateIndex;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Complaints of an estate counted on the queue read model: open, overdue, awaiting a return visit. The counts select
 * by {@code openEstateId} ({@link OpenEstateIndex}), so they read the estate's open complaints only.
 */
public record ComplaintCounts(long open, long overdue, long awaitingReturnVisit) {

    /** Answers {@link CountOpenComplaints}; "open" means what the complaint queue shows. */
    @Component
    public static class Handler {

        private final MongoTemplate mongo;

        public Handler(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        @QueryHandler
        ComplaintCounts handle(CountOpenComplaints query) {
            return new ComplaintCounts(count(open(query.estateId())),
                    count(open(query.estateId()).and("overdue").is(true)),
                    count(open(query.estateId()).and("awaitingReturnVisit").is(true)));
        }

        /** What the queue shows: {@code openEstateId} is set exactly while the status is one the queue shows. */
        private static Criteria open(String estate) {
            return where(OpenEstateIndex.FIELD).is(estate);
        }

        private long count(Criteria criteria) {
            return mongo.count(Query.query(criteria), ComplaintView.class);
        }
    }
}
