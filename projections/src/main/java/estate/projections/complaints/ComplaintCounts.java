package estate.projections.complaints;

import estate.projections.complaints.ComplaintQueries.CountOpenComplaints;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Complaints of an estate counted on the queue read model: open, overdue, awaiting a return visit. */
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

        private static Criteria open(String estate) {
            return where("estateId").is(estate).and("status").in(ComplaintQueueProjection.OPEN);
        }

        private long count(Criteria criteria) {
            return mongo.count(Query.query(criteria), ComplaintView.class);
        }
    }
}
