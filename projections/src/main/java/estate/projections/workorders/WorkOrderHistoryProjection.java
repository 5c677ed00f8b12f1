package estate.projections.workorders;

import estate.domain.workorders.WorkOrderEvent;
import estate.domain.workorders.WorkOrderEvent.CheckFailed;
import estate.domain.workorders.WorkOrderEvent.EscalationAcknowledged;
import estate.domain.workorders.WorkOrderEvent.InspectionOrderOpened;
import estate.domain.workorders.WorkOrderEvent.RepairChargeFailed;
import estate.domain.workorders.WorkOrderEvent.RepairChargeRequested;
import estate.domain.workorders.WorkOrderEvent.RepairCharged;
import estate.domain.workorders.WorkOrderEvent.SlaBreached;
import estate.domain.workorders.WorkOrderEvent.WorkCompleted;
import estate.domain.workorders.WorkOrderEvent.WorkOrderAccepted;
import estate.domain.workorders.WorkOrderEvent.WorkOrderAssigned;
import estate.domain.workorders.WorkOrderEvent.WorkOrderCancelled;
import estate.domain.workorders.WorkOrderEvent.WorkOrderClosed;
import estate.domain.workorders.WorkOrderEvent.WorkOrderEscalated;
import estate.domain.workorders.WorkOrderEvent.WorkOrderReassigned;
import estate.domain.workorders.WorkOrderEvent.WorkOrderReopened;
import estate.domain.workorders.WorkOrderEvent.WorkOrderReported;
import estate.domain.workorders.WorkOrderEvent.WorkOrderTriaged;
import estate.domain.workorders.WorkOrderEvent.WorkOrderVerified;
import estate.domain.workorders.WorkOrderEvent.WorkPutOnHold;
import estate.domain.workorders.WorkOrderEvent.WorkResumed;
import estate.domain.workorders.WorkOrderEvent.WorkStarted;
import estate.domain.workorders.WorkOrderQueries.GetWorkOrderHistory;
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

/** The full timeline of each work order with who and when: the repair record and the maintenance log. */
@Component
@ProcessingGroup(WorkOrderHistoryProjection.GROUP)
public class WorkOrderHistoryProjection {

    public static final String GROUP = "work-order-history";

    private final MongoTemplate mongo;

    public WorkOrderHistoryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(WorkOrderEvent event, EventMessage<?> message) {
        long sequence = ((DomainEventMessage<?>) message).getSequenceNumber();
        String workOrder = event.workOrderId().value();
        WriteBuffer.of(mongo).insertOnce(workOrder + ":" + sequence, new WorkOrderHistoryEntry(workOrder + ":" + sequence, workOrder,
                event.estateId().value(), sequence, event.getClass().getSimpleName(), occurredAt(event),
                summaryOf(event), (String) message.getMetaData().get("userId"),
                (String) message.getMetaData().get("role")));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(WorkOrderHistoryEntry.class);
    }

    @QueryHandler
    List<WorkOrderHistoryEntry> handle(GetWorkOrderHistory query) {
        return mongo.find(Query.query(where("workOrderId").is(query.workOrderId().value())).with(Sort.by("sequence")),
                WorkOrderHistoryEntry.class);
    }

    /** The business time of an event: when the thing it records happened. */
    public static Instant occurredAt(WorkOrderEvent event) {
        if (event instanceof WorkOrderReported e) {
            return e.reportedAt();
        } else if (event instanceof InspectionOrderOpened e) {
            return e.openedAt();
        } else if (event instanceof WorkOrderTriaged e) {
            return e.triagedAt();
        } else if (event instanceof WorkOrderAssigned e) {
            return e.assignedAt();
        } else if (event instanceof WorkOrderReassigned e) {
            return e.reassignedAt();
        } else if (event instanceof WorkOrderAccepted e) {
            return e.acceptedAt();
        } else if (event instanceof WorkStarted e) {
            return e.startedAt();
        } else if (event instanceof WorkPutOnHold e) {
            return e.heldAt();
        } else if (event instanceof WorkResumed e) {
            return e.resumedAt();
        } else if (event instanceof WorkCompleted e) {
            return e.completedAt();
        } else if (event instanceof CheckFailed e) {
            return e.failedAt();
        } else if (event instanceof RepairChargeRequested e) {
            return e.requestedAt();
        } else if (event instanceof RepairCharged e) {
            return e.chargedAt();
        } else if (event instanceof RepairChargeFailed e) {
            return e.failedAt();
        } else if (event instanceof WorkOrderVerified e) {
            return e.verifiedAt();
        } else if (event instanceof WorkOrderClosed e) {
            return e.closedAt();
        } else if (event instanceof WorkOrderReopened e) {
            return e.reopenedAt();
        } else if (event instanceof WorkOrderCancelled e) {
            return e.cancelledAt();
        } else if (event instanceof SlaBreached e) {
            return e.detectedAt();
        } else if (event instanceof WorkOrderEscalated e) {
            return e.escalatedAt();
        } else if (event instanceof EscalationAcknowledged e) {
            return e.acknowledgedAt();
        }
        throw new IllegalArgumentException("No business time known for " + event.getClass().getName());
    }

    /** One line saying what happened, in the words of the repair record. */
    public static String summaryOf(WorkOrderEvent event) {
        if (event instanceof WorkOrderReported e) {
            return "Reported (" + e.source() + ") by " + e.reportedBy() + ": " + e.category() + " at "
                    + e.location().label() + " — " + e.description()
                    + (e.linkedInspectionId() == null ? "" : " (from inspection " + e.linkedInspectionId() + ")");
        } else if (event instanceof InspectionOrderOpened e) {
            return "Inspection round of plan " + e.planId() + " due " + e.dueDate() + " opened: " + e.category()
                    + " at " + e.location().label() + ", " + e.checklist().size() + " check items, " + e.priority()
                    + ", respond by " + e.responseDue() + ", resolve by " + e.resolutionDue();
        } else if (event instanceof WorkOrderTriaged e) {
            return "Triaged " + e.priority() + (e.paidRepair() ? ", paid repair" : ", free repair")
                    + ", respond by " + e.responseDue() + ", resolve by " + e.resolutionDue()
                    + (e.note() == null ? "" : ": " + e.note());
        } else if (event instanceof WorkOrderAssigned e) {
            return "Dispatched to " + e.assignee().label();
        } else if (event instanceof WorkOrderReassigned e) {
            return "Reassigned from " + e.previousAssignee().label() + " to " + e.assignee().label() + ": "
                    + e.reason();
        } else if (event instanceof WorkOrderAccepted e) {
            return "Accepted by " + e.assignee().label();
        } else if (event instanceof WorkStarted) {
            return "Work started";
        } else if (event instanceof WorkPutOnHold e) {
            return "On hold: " + e.reason() + (e.slaPaused() ? " (SLA clock stopped)" : " (SLA clock running)");
        } else if (event instanceof WorkResumed e) {
            return "Work resumed, resolve by " + e.resolutionDue();
        } else if (event instanceof WorkCompleted e) {
            return "Completed by " + e.assignee().label() + ": " + e.summary() + "; " + e.labourHours() + " h labour "
                    + e.labourCost() + ", materials " + e.materialsCost() + " (" + e.materials().size() + " lines)"
                    + (e.fee() == null ? "" : ", fee " + e.fee())
                    + (e.checkResults().isEmpty() ? "" : ", " + e.checkResults().stream().filter(r -> !r.passed())
                    .count() + " of " + e.checkResults().size() + " checks failed");
        } else if (event instanceof CheckFailed e) {
            return "Check failed: " + e.item() + " — " + e.note() + "; repair order " + e.followUpOrderId();
        } else if (event instanceof RepairChargeRequested e) {
            return "Fee " + e.fee() + " to be charged to account " + e.accountId() + " (charge " + e.chargeId() + ")";
        } else if (event instanceof RepairCharged e) {
            return "Fee " + e.fee() + " charged to account " + e.accountId();
        } else if (event instanceof RepairChargeFailed e) {
            return "Fee " + e.fee() + " could not be charged to account " + e.accountId() + ": " + e.reasonCode();
        } else if (event instanceof WorkOrderVerified e) {
            return "Verified, rated " + e.rating() + "/5" + (e.comment() == null ? "" : ": " + e.comment());
        } else if (event instanceof WorkOrderClosed) {
            return "Closed";
        } else if (event instanceof WorkOrderReopened e) {
            return "Reopened: " + e.reason() + "; back to " + e.assignee().label() + ", respond by "
                    + e.responseDue() + ", resolve by " + e.resolutionDue();
        } else if (event instanceof WorkOrderCancelled e) {
            return (e.byReporter() ? "Withdrawn by the reporter: " : "Cancelled: ") + e.reason();
        } else if (event instanceof SlaBreached e) {
            return e.kind() + " deadline " + e.deadline() + " missed"
                    + (e.assignee() == null ? " before dispatch" : " (assignee " + e.assignee().label() + ")");
        } else if (event instanceof WorkOrderEscalated e) {
            return "Escalated to the manager (#" + e.escalation() + "): " + e.reason();
        } else if (event instanceof EscalationAcknowledged e) {
            return "Escalation #" + e.escalation() + " acknowledged" + (e.note() == null ? "" : ": " + e.note());
        }
        throw new IllegalArgumentException("No summary known for " + event.getClass().getName());
    }
}
