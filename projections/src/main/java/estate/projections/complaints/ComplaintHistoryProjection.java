package estate.projections.complaints;

import estate.domain.complaints.ComplaintEvent;
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
import estate.domain.complaints.ComplaintEvent.InternalNoteAdded;
import estate.domain.complaints.ComplaintEvent.InvestigationStarted;
import estate.domain.complaints.ComplaintEvent.LinkedWorkOrderCompleted;
import estate.domain.complaints.ComplaintEvent.ResolutionRated;
import estate.domain.complaints.ComplaintEvent.ReturnVisitRecorded;
import estate.domain.complaints.ComplaintEvent.WorkOrderRequested;
import estate.projections.complaints.ComplaintQueries.GetComplaintHistory;
import estate.projections.support.WriteBuffer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The full timeline of each complaint with who did what and when: what auditors replay. */
@Component
@ProcessingGroup(ComplaintHistoryProjection.GROUP)
public class ComplaintHistoryProjection {

    public static final String GROUP = "complaint-history";

    private final MongoTemplate mongo;

    public ComplaintHistoryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ComplaintEvent event, EventMessage<?> message) {
        long sequence = ((DomainEventMessage<?>) message).getSequenceNumber();
        String complaint = event.complaintId().value();
        WriteBuffer.of(mongo).insertOnce(complaint + ":" + sequence, new ComplaintHistoryEntry(complaint + ":" + sequence, complaint,
                event.estateId().value(), sequence, event.getClass().getSimpleName(), occurredAt(event),
                summaryOf(event), (String) message.getMetaData().get("userId"),
                (String) message.getMetaData().get("role")));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ComplaintHistoryEntry.class);
    }

    @QueryHandler
    List<ComplaintHistoryEntry> handle(GetComplaintHistory query) {
        return mongo.find(Query.query(where("complaintId").is(query.complaintId())).with(Sort.by("sequence")),
                ComplaintHistoryEntry.class);
    }

    /** The business time of an event: when the thing it records happened. */
    public static Instant occurredAt(ComplaintEvent event) {
        if (event instanceof ComplaintReceived e) {
            return e.receivedAt();
        } else if (event instanceof ComplaintAcknowledged e) {
            return e.acknowledgedAt();
        } else if (event instanceof ComplaintAssigned e) {
            return e.assignedAt();
        } else if (event instanceof ComplaintTransferred e) {
            return e.transferredAt();
        } else if (event instanceof InvestigationStarted e) {
            return e.startedAt();
        } else if (event instanceof InternalNoteAdded e) {
            return e.addedAt();
        } else if (event instanceof ComplaintResolved e) {
            return e.resolvedAt();
        } else if (event instanceof WorkOrderRequested e) {
            return e.requestedAt();
        } else if (event instanceof LinkedWorkOrderCompleted e) {
            return e.completedAt();
        } else if (event instanceof ResolutionRated e) {
            return e.ratedAt();
        } else if (event instanceof ReturnVisitRecorded e) {
            return e.visitedAt();
        } else if (event instanceof ComplaintClosed e) {
            return e.closedAt();
        } else if (event instanceof ComplaintReopened e) {
            return e.reopenedAt();
        } else if (event instanceof ComplaintWithdrawn e) {
            return e.withdrawnAt();
        } else if (event instanceof ComplaintMerged e) {
            return e.mergedAt();
        } else if (event instanceof ComplaintDeadlineMissed e) {
            return e.detectedAt();
        } else if (event instanceof ComplaintEscalated e) {
            return e.escalatedAt();
        }
        throw new IllegalArgumentException("Unknown complaint event " + event.getClass().getName());
    }

    /** One line saying what happened. */
    public static String summaryOf(ComplaintEvent event) {
        if (event instanceof ComplaintReceived e) {
            return "Received (" + e.channel() + ") by " + e.receivedBy() + ": " + e.category()
                    + (e.accountId() == null ? ", anonymous" : ", account " + e.accountId()) + " — "
                    + e.description() + "; acknowledge by " + e.acknowledgeDue() + ", resolve by "
                    + e.resolutionDue() + (e.repeatOf() == null ? "" : " (repeat of " + e.repeatOf() + ")");
        } else if (event instanceof ComplaintAcknowledged e) {
            return "Acknowledged: " + e.message();
        } else if (event instanceof ComplaintAssigned e) {
            return "Assigned to " + e.handler().label();
        } else if (event instanceof ComplaintTransferred e) {
            return "Transferred from " + e.previousHandler().label() + " to "
                    + e.handler().label() + ": " + e.reason();
        } else if (event instanceof InvestigationStarted e) {
            return "Investigation started by " + e.handler().label();
        } else if (event instanceof InternalNoteAdded e) {
            return "Internal note: " + e.note();
        } else if (event instanceof ComplaintResolved e) {
            return "Resolved by " + e.handler().label() + ": " + e.resolution()
                    + (e.actions().isEmpty() ? "" : "; actions: " + String.join("; ", e.actions()))
                    + (e.workOrderId() == null ? "" : "; work order " + e.workOrderId())
                    + (e.returnVisitDue() ? "; return visit due" : "");
        } else if (event instanceof WorkOrderRequested e) {
            return "Work order " + e.workOrderId() + " requested: "
                    + e.request().description();
        } else if (event instanceof LinkedWorkOrderCompleted e) {
            return "Work order " + e.workOrderId() + " completed";
        } else if (event instanceof ResolutionRated e) {
            return "Rated " + e.rating() + "/5 by the complainant, "
                    + (e.accepted() ? "accepted" : "not accepted") + (e.comment() == null ? "" : ": " + e.comment());
        } else if (event instanceof ReturnVisitRecorded e) {
            return "Return visit: satisfaction " + e.satisfaction() + "/5, "
                    + (e.accepted() ? "accepted" : "not accepted") + (e.notes() == null ? "" : ": " + e.notes());
        } else if (event instanceof ComplaintClosed e) {
            return "Closed";
        } else if (event instanceof ComplaintReopened e) {
            return "Reopened (#" + e.reopenCount() + "): " + e.reason() + "; back to "
                    + e.handler().label() + ", resolve by " + e.resolutionDue();
        } else if (event instanceof ComplaintWithdrawn e) {
            return (e.byComplainant() ? "Withdrawn by the complainant: "
                    : "Withdrawn on the complainant's behalf: ") + e.reason();
        } else if (event instanceof ComplaintMerged e) {
            return "Merged into " + e.into();
        } else if (event instanceof ComplaintDeadlineMissed e) {
            return e.kind() + " deadline " + e.deadline() + " missed"
                    + (e.handler() == null ? " before assignment" : " (handler " + e.handler().label() + ")");
        } else if (event instanceof ComplaintEscalated e) {
            return "Escalated to " + e.escalatedTo() + " (#" + e.escalation() + ", level "
                    + e.level() + "): " + e.reason();
        }
        throw new IllegalArgumentException("Unknown complaint event " + event.getClass().getName());
    }
}
