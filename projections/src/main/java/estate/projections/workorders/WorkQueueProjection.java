package estate.projections.workorders;

import estate.domain.estates.EstateId;
import estate.domain.workorders.Assignee;
import estate.domain.workorders.CheckResult;
import estate.domain.workorders.Priority;
import estate.domain.workorders.WorkOrderEvent.CheckFailed;
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
import estate.domain.workorders.WorkOrderQueries.FindWorkOrdersReportedBy;
import estate.domain.workorders.WorkOrderQueries.FindWorkQueue;
import estate.domain.workorders.WorkOrderQueries.GetWorkOrder;
import estate.domain.workorders.WorkOrderStatus;
import estate.projections.support.Guarded;
import estate.projections.support.OpenEstateIndex;
import estate.projections.workorders.WorkOrderView.CheckLine;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Work orders as they stand: the work queue of an estate and of each staff member, and the owner's own list. */
@Component
@ProcessingGroup(WorkQueueProjection.GROUP)
public class WorkQueueProjection {

    public static final String GROUP = "work-queue";
    /** The source of an inspection round (repairs have their {@code ReportSource}). */
    public static final String INSPECTION_ROUND = "INSPECTION_ROUND";
    static final String CHARGE_PENDING = "PENDING";
    static final String CHARGED = "CHARGED";
    static final String CHARGE_FAILED = "FAILED";

    private static final Comparator<WorkOrderView> QUEUE_ORDER = Comparator
            .comparingInt(WorkOrderView::priorityRank)
            .thenComparing(WorkOrderView::nextDeadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(WorkOrderView::reportedAt)
            .thenComparing(WorkOrderView::workOrderId);

    private final MongoTemplate mongo;

    public WorkQueueProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(WorkOrderReported e, @SequenceNumber long sequence) {
        Guarded.insertOnce(mongo, new WorkOrderView(e.workOrderId().value(), e.estateId().value(), e.source().name(),
                e.location().unitId() == null ? null : e.location().unitId().value(), e.location().facility(),
                e.location().label(), e.category().name(), e.description(), e.photos(),
                e.reporterAccountId() == null ? null : e.reporterAccountId().value(), e.reportedBy(), e.reportedAt(),
                e.linkedInspectionId() == null ? null : e.linkedInspectionId().value(), null, null, List.of(),
                WorkOrderStatus.REPORTED.name(), null, WorkOrderView.UNTRIAGED_RANK, false, null, null, null, null,
                null, false, null, false, null, List.of(), 0, null, null, null, null, null, null, null, null,
                e.currency().getCurrencyCode(), List.of(), List.of(), null, null, null, null, null, null, null, null,
                null, 0, e.estateId().value(), sequence));
    }

    @EventHandler
    void on(InspectionOrderOpened e, @SequenceNumber long sequence) {
        Guarded.insertOnce(mongo, new WorkOrderView(e.workOrderId().value(), e.estateId().value(), INSPECTION_ROUND,
                null, e.location().facility(), e.location().label(), e.category().name(),
                "Inspection of " + e.location().label() + " due " + e.dueDate(), List.of(), null, null, e.openedAt(),
                null, e.planId().value(), e.dueDate(), e.checklist(), WorkOrderStatus.TRIAGED.name(),
                e.priority().name(), rank(e.priority()), false, null, null, null, e.responseDue(), e.resolutionDue(),
                false, e.responseDue(), false, null, List.of(), 0, null, null, null, null, null, null, null, null,
                e.currency().getCurrencyCode(), List.of(), List.of(), null, null, null, null, null, null, null, null,
                null, 0, e.estateId().value(), sequence));
    }

    @EventHandler
    void on(WorkOrderTriaged e, @SequenceNumber long sequence) {
        update(e.workOrderId().value(), sequence, status(WorkOrderStatus.TRIAGED, e.estateId())
                .set("priority", e.priority().name())
                .set("priorityRank", rank(e.priority()))
                .set("paidRepair", e.paidRepair())
                .set("responseDue", e.responseDue())
                .set("resolutionDue", e.resolutionDue())
                .set("nextDeadline", e.responseDue()));
    }

    @EventHandler
    void on(WorkOrderAssigned e, @SequenceNumber long sequence) {
        update(e.workOrderId().value(), sequence, assignee(status(WorkOrderStatus.ASSIGNED, e.estateId()),
                e.assignee()));
    }

    @EventHandler
    void on(WorkOrderReassigned e, @SequenceNumber long sequence) {
        WorkOrderView view = current(e.workOrderId().value(), sequence);
        if (view == null) {
            return;
        }
        update(view.workOrderId(), sequence, assignee(status(WorkOrderStatus.ASSIGNED, e.estateId()), e.assignee())
                .set("resolutionDue", e.resolutionDue())
                .set("slaPaused", false)
                .set("holdReason", null)
                .set("nextDeadline", view.responseMet() ? e.resolutionDue() : view.responseDue()));
    }

    @EventHandler
    void on(WorkOrderAccepted e, @SequenceNumber long sequence) {
        WorkOrderView view = current(e.workOrderId().value(), sequence);
        if (view == null) {
            return;
        }
        update(view.workOrderId(), sequence, status(WorkOrderStatus.ACCEPTED, e.estateId())
                .set("responseMet", true)
                .set("acceptedAt", e.acceptedAt())
                .set("nextDeadline", view.resolutionDue()));
    }

    @EventHandler
    void on(WorkStarted e, @SequenceNumber long sequence) {
        update(e.workOrderId().value(), sequence, status(WorkOrderStatus.IN_PROGRESS, e.estateId())
                .set("startedAt", e.startedAt()));
    }

    @EventHandler
    void on(WorkPutOnHold e, @SequenceNumber long sequence) {
        WorkOrderView view = current(e.workOrderId().value(), sequence);
        if (view == null) {
            return;
        }
        update(view.workOrderId(), sequence, status(WorkOrderStatus.ON_HOLD, e.estateId())
                .set("holdReason", e.reason())
                .set("slaPaused", e.slaPaused())
                .set("nextDeadline", e.slaPaused() ? null : view.resolutionDue()));
    }

    @EventHandler
    void on(WorkResumed e, @SequenceNumber long sequence) {
        update(e.workOrderId().value(), sequence, status(WorkOrderStatus.IN_PROGRESS, e.estateId())
                .set("holdReason", null)
                .set("slaPaused", false)
                .set("resolutionDue", e.resolutionDue())
                .set("nextDeadline", e.resolutionDue()));
    }

    @EventHandler
    void on(WorkCompleted e, @SequenceNumber long sequence) {
        List<CheckLine> checks = e.checkResults().stream().map(WorkQueueProjection::checkLine).toList();
        update(e.workOrderId().value(), sequence, status(WorkOrderStatus.COMPLETED, e.estateId())
                .set("completedAt", e.completedAt())
                .set("completionSummary", e.summary())
                .set("labourHours", e.labourHours())
                .set("labourCost", e.labourCost().amount())
                .set("materialsCost", e.materialsCost().amount())
                .set("fee", e.fee() == null ? null : e.fee().amount())
                .set("checkResults", checks)
                .set("nextDeadline", null));
    }

    @EventHandler
    void on(CheckFailed e, @SequenceNumber long sequence) {
        update(e.workOrderId().value(), sequence, new Update().push("followUpOrderIds", e.followUpOrderId().value()));
    }

    @EventHandler
    void on(RepairChargeRequested e, @SequenceNumber long sequence) {
        update(e.workOrderId().value(), sequence, new Update()
                .set("chargeStatus", CHARGE_PENDING)
                .set("chargeId", e.chargeId().value()));
    }

    @EventHandler
    void on(RepairCharged e, @SequenceNumber long sequence) {
        update(e.workOrderId().value(), sequence, new Update().set("chargeStatus", CHARGED));
    }

    @EventHandler
    void on(RepairChargeFailed e, @SequenceNumber long sequence) {
        update(e.workOrderId().value(), sequence, new Update()
                .set("chargeStatus", CHARGE_FAILED)
                .set("chargeFailure", e.reasonCode()));
    }

    @EventHandler
    void on(WorkOrderVerified e, @SequenceNumber long sequence) {
        update(e.workOrderId().value(), sequence, status(WorkOrderStatus.VERIFIED, e.estateId())
                .set("rating", e.rating())
                .set("ratingComment", e.comment())
                .set("verifiedAt", e.verifiedAt()));
    }

    @EventHandler
    void on(WorkOrderClosed e, @SequenceNumber long sequence) {
        update(e.workOrderId().value(), sequence, status(WorkOrderStatus.CLOSED, e.estateId())
                .set("closedAt", e.closedAt()));
    }

    @EventHandler
    void on(WorkOrderReopened e, @SequenceNumber long sequence) {
        update(e.workOrderId().value(), sequence, status(WorkOrderStatus.ASSIGNED, e.estateId())
                .set("responseDue", e.responseDue())
                .set("resolutionDue", e.resolutionDue())
                .set("responseMet", false)
                .set("nextDeadline", e.responseDue())
                .set("rating", null)
                .set("ratingComment", null)
                .set("verifiedAt", null)
                .set("closedAt", null)
                .inc("reopenCount", 1));
    }

    @EventHandler
    void on(WorkOrderCancelled e, @SequenceNumber long sequence) {
        update(e.workOrderId().value(), sequence, status(WorkOrderStatus.CANCELLED, e.estateId())
                .set("cancelReason", e.reason())
                .set("cancelledAt", e.cancelledAt())
                .set("nextDeadline", null));
    }

    @EventHandler
    void on(SlaBreached e, @SequenceNumber long sequence) {
        update(e.workOrderId().value(), sequence, new Update().push("breaches", e.kind().name()));
    }

    @EventHandler
    void on(WorkOrderEscalated e, @SequenceNumber long sequence) {
        update(e.workOrderId().value(), sequence, new Update().set("escalations", e.escalation()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(WorkOrderView.class);
    }

    @QueryHandler
    Optional<WorkOrderView> handle(GetWorkOrder query) {
        return Optional.ofNullable(mongo.findById(query.workOrderId().value(), WorkOrderView.class));
    }

    @QueryHandler
    List<WorkOrderView> handle(FindWorkQueue query) {
        Criteria criteria = where("estateId").is(query.estateId().value());
        if (query.status() != null) {
            criteria = criteria.and("status").is(query.status().name());
        } else {
            criteria = criteria.and("status").in(WorkOrderStatus.OPEN.stream().map(Enum::name).toList());
        }
        if (query.assignee() != null) {
            criteria = criteria.and("assigneeStaff").is(query.assignee());
        }
        if (query.priority() != null) {
            criteria = criteria.and("priority").is(query.priority().name());
        }
        return mongo.find(Query.query(criteria), WorkOrderView.class).stream().sorted(QUEUE_ORDER).toList();
    }

    @QueryHandler
    List<WorkOrderView> handle(FindWorkOrdersReportedBy query) {
        return mongo.find(Query.query(where("reportedBy").is(query.reportedBy())), WorkOrderView.class).stream()
                .sorted(Comparator.comparing(WorkOrderView::reportedAt).reversed()
                        .thenComparing(WorkOrderView::workOrderId))
                .toList();
    }

    private static int rank(Priority priority) {
        return priority.ordinal();
    }

    /** The order's new status, and {@value OpenEstateIndex#FIELD} to match (the estate while the status is open). */
    private static Update status(WorkOrderStatus status, EstateId estateId) {
        return new Update().set("status", status.name())
                .set(OpenEstateIndex.FIELD, OpenEstateIndex.of(estateId.value(), status.isOpen()));
    }

    private static Update assignee(Update update, Assignee assignee) {
        return update.set("assigneeStaff", assignee.staffMember())
                .set("assigneeContractId", assignee.contractId())
                .set("assigneeSupplier", assignee.supplier());
    }

    private static CheckLine checkLine(CheckResult result) {
        return new CheckLine(result.item(), result.passed(), result.note());
    }

    /** The view if it has not seen this event yet (a redelivered event finds it newer and is skipped). */
    private WorkOrderView current(String workOrderId, long sequence) {
        WorkOrderView view = mongo.findById(workOrderId, WorkOrderView.class);
        return view == null || view.lastSequence() >= sequence ? null : view;
    }

    private void update(String workOrderId, long sequence, Update update) {
        Guarded.update(mongo, WorkOrderView.class, workOrderId, sequence, update);
    }
}
