package estate.projections.complaints;

import estate.domain.complaints.ComplaintEvent.ComplaintAcknowledged;
import estate.domain.complaints.ComplaintEvent.ComplaintAssigned;
import estate.domain.complaints.ComplaintEvent.ComplaintClosed;
import estate.domain.complaints.ComplaintEvent.ComplaintDeadlineMissed;
import estate.domain.complaints.ComplaintEvent.ComplaintEscalated;
import estate.domain.complaints.ComplaintEvent.ComplaintMerged;
import estate.domain.complaints.ComplaintEvent.ComplaintReceived;
import estate.domain.complaints.ComplaintEvent.ComplaintReopened;
import estate.domain.complaints.ComplaintEvent.ComplaintResolved;
import estate.domain.complaints.ComplaintEvent.ComplaintTransferred;
import estate.domain.complaints.ComplaintEvent.ComplaintWithdrawn;
import estate.domain.complaints.ComplaintEvent.InvestigationStarted;
import estate.domain.complaints.ComplaintEvent.ReturnVisitRecorded;
import estate.domain.estates.EstateId;
import estate.projections.complaints.ComplaintQueries.FindComplaintQueue;
import estate.projections.complaints.ComplaintQueries.FindComplaintsOfAccount;
import estate.projections.complaints.ComplaintQueries.GetComplaint;
import estate.projections.support.OpenEstateIndex;
import estate.projections.support.WriteBuffer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The complaint queue per estate and handler (open, overdue, awaiting a return visit) and each complaint's status. */
@Component
@ProcessingGroup(ComplaintQueueProjection.GROUP)
public class ComplaintQueueProjection {

    public static final String GROUP = "complaint-queue";
    /** What the queue shows: complaints still owed an answer or a return visit. */
    static final List<String> OPEN = List.of("RECEIVED", "ACKNOWLEDGED", "ASSIGNED", "INVESTIGATING",
            "RESOLVED");

    private final MongoTemplate mongo;

    public ComplaintQueueProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ComplaintReceived e, @SequenceNumber long seq) {
        WriteBuffer.of(mongo).insertOnce(e.complaintId().value(),
                new ComplaintView(e.complaintId().value(), e.estateId().value(),
                e.accountId() == null ? null : e.accountId().value(),
                e.buildingId() == null ? null : e.buildingId().value(), e.channel().name(), e.category().name(),
                e.description(), "RECEIVED", null, e.acknowledgeDue(), e.resolutionDue(), false, false, null, null,
                null, 0, 0, e.repeatOf() == null ? null : e.repeatOf().value(), e.receivedAt(), null, null, null,
                e.estateId().value(), seq));
    }

    @EventHandler
    void on(ComplaintAcknowledged e, @SequenceNumber long seq) {
        set(e.complaintId().value(), seq, status("ACKNOWLEDGED", e.estateId())
                .set("acknowledgedAt", e.acknowledgedAt()));
    }

    @EventHandler
    void on(ComplaintAssigned e, @SequenceNumber long seq) {
        set(e.complaintId().value(), seq, status("ASSIGNED", e.estateId()).set("handler", e.handler().label()));
    }

    @EventHandler
    void on(ComplaintTransferred e, @SequenceNumber long seq) {
        set(e.complaintId().value(), seq, new Update().set("handler", e.handler().label()));
    }

    @EventHandler
    void on(InvestigationStarted e, @SequenceNumber long seq) {
        set(e.complaintId().value(), seq, status("INVESTIGATING", e.estateId()));
    }

    @EventHandler
    void on(ComplaintResolved e, @SequenceNumber long seq) {
        set(e.complaintId().value(), seq, status("RESOLVED", e.estateId()).set("resolution", e.resolution())
                .set("workOrderId", e.workOrderId()).set("awaitingReturnVisit", e.returnVisitDue())
                .set("overdue", false).set("resolvedAt", e.resolvedAt()));
    }

    @EventHandler
    void on(ReturnVisitRecorded e, @SequenceNumber long seq) {
        set(e.complaintId().value(), seq, new Update().set("satisfaction", e.satisfaction())
                .set("awaitingReturnVisit", false));
    }

    @EventHandler
    void on(ComplaintClosed e, @SequenceNumber long seq) {
        set(e.complaintId().value(), seq, status("CLOSED", e.estateId()).set("awaitingReturnVisit", false)
                .set("closedAt", e.closedAt()));
    }

    @EventHandler
    void on(ComplaintReopened e, @SequenceNumber long seq) {
        set(e.complaintId().value(), seq, status("INVESTIGATING", e.estateId()).set("awaitingReturnVisit", false)
                .set("reopenCount", e.reopenCount()).set("resolutionDue", e.resolutionDue()).set("overdue", false));
    }

    @EventHandler
    void on(ComplaintWithdrawn e, @SequenceNumber long seq) {
        set(e.complaintId().value(), seq, status("WITHDRAWN", e.estateId()).set("awaitingReturnVisit", false));
    }

    @EventHandler
    void on(ComplaintMerged e, @SequenceNumber long seq) {
        set(e.complaintId().value(), seq, status("MERGED", e.estateId()));
    }

    @EventHandler
    void on(ComplaintDeadlineMissed e, @SequenceNumber long seq) {
        set(e.complaintId().value(), seq, new Update().set("overdue", true));
    }

    @EventHandler
    void on(ComplaintEscalated e, @SequenceNumber long seq) {
        set(e.complaintId().value(), seq, new Update().max("escalationLevel", e.level()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ComplaintView.class);
    }

    @QueryHandler
    Optional<ComplaintView> handle(GetComplaint query) {
        return Optional.ofNullable(mongo.findById(query.complaintId(), ComplaintView.class));
    }

    @QueryHandler
    List<ComplaintView> handle(FindComplaintQueue query) {
        Criteria criteria = where("estateId").is(query.estateId()).and("status").in(OPEN);
        if ("overdue".equals(query.view())) {
            criteria = criteria.and("overdue").is(true);
        } else if ("return-visits".equals(query.view())) {
            criteria = criteria.and("awaitingReturnVisit").is(true);
        }
        if (query.handler() != null) {
            criteria = criteria.and("handler").is(query.handler());
        }
        return mongo.find(Query.query(criteria).with(Sort.by("receivedAt")), ComplaintView.class);
    }

    @QueryHandler
    List<ComplaintView> handle(FindComplaintsOfAccount query) {
        return mongo.find(Query.query(where("accountId").is(query.accountId())).with(Sort.by("receivedAt")),
                ComplaintView.class);
    }

    /** The complaint's new status, and {@value OpenEstateIndex#FIELD} to match (the estate while in the queue). */
    private static Update status(String status, EstateId estateId) {
        return new Update().set("status", status)
                .set(OpenEstateIndex.FIELD, OpenEstateIndex.of(estateId.value(), OPEN.contains(status)));
    }

    private void set(String id, long seq, Update update) {
        WriteBuffer.of(mongo).update(ComplaintView.class, id, seq, update);
    }
}
