package estate.domain.workorders;

import estate.domain.estates.EstateId;
import estate.domain.owners.ChargeId;
import estate.domain.owners.OwnerAccountId;
import estate.domain.shared.Money;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

/**
 * Events of a work order: the repair record and maintenance log. They are the permanent record and a public
 * contract: never renamed or moved once released (add a revision and an upcaster). Every event names its work
 * order and estate and carries the business time of what happened; who did it travels in its metadata.
 */
public sealed interface WorkOrderEvent {

    WorkOrderId workOrderId();

    EstateId estateId();

    /** A repair request; the estate's currency and time zone are copied in for costs, charges and reports. */
    @Revision("1")
    record WorkOrderReported(WorkOrderId workOrderId, EstateId estateId, ReportSource source, Location location,
                             Category category, String description, List<String> photos,
                             OwnerAccountId reporterAccountId, String reportedBy, WorkOrderId linkedInspectionId,
                             Currency currency, ZoneId zoneId, Instant reportedAt) implements WorkOrderEvent {
    }

    /** An inspection round of a plan: triaged from the start, its SLA deadlines set. */
    @Revision("1")
    record InspectionOrderOpened(WorkOrderId workOrderId, EstateId estateId, InspectionPlanId planId,
                                 LocalDate dueDate, Location location, Category category, Priority priority,
                                 List<String> checklist, ServiceLevel serviceLevel, Instant responseDue,
                                 Instant resolutionDue, Currency currency, ZoneId zoneId, Instant openedAt)
            implements WorkOrderEvent {
    }

    /** Priority and paid/free set; the SLA clocks, counted from the report, now have deadlines. */
    @Revision("1")
    record WorkOrderTriaged(WorkOrderId workOrderId, EstateId estateId, Priority priority, boolean paidRepair,
                            ServiceLevel serviceLevel, Instant responseDue, Instant resolutionDue, String note,
                            Instant triagedAt) implements WorkOrderEvent {
    }

    @Revision("1")
    record WorkOrderAssigned(WorkOrderId workOrderId, EstateId estateId, Assignee assignee, Instant assignedAt)
            implements WorkOrderEvent {
    }

    /** Handed to someone else, who must accept it; a paused clock runs again, its deadline moved by the pause. */
    @Revision("1")
    record WorkOrderReassigned(WorkOrderId workOrderId, EstateId estateId, Assignee previousAssignee,
                               Assignee assignee, String reason, Instant resolutionDue, Instant reassignedAt)
            implements WorkOrderEvent {
    }

    @Revision("1")
    record WorkOrderAccepted(WorkOrderId workOrderId, EstateId estateId, Assignee assignee, Instant acceptedAt)
            implements WorkOrderEvent {
    }

    @Revision("1")
    record WorkStarted(WorkOrderId workOrderId, EstateId estateId, Instant startedAt) implements WorkOrderEvent {
    }

    /** {@code slaPaused}: the estate's terms let a hold stop the resolution clock (and it had not been missed). */
    @Revision("1")
    record WorkPutOnHold(WorkOrderId workOrderId, EstateId estateId, String reason, boolean slaPaused,
                         Instant heldAt) implements WorkOrderEvent {
    }

    /** Work goes on; {@code resolutionDue} is moved by the pause when the clock had stopped. */
    @Revision("1")
    record WorkResumed(WorkOrderId workOrderId, EstateId estateId, Instant resolutionDue, Instant resumedAt)
            implements WorkOrderEvent {
    }

    @Revision("1")
    record WorkCompleted(WorkOrderId workOrderId, EstateId estateId, Assignee assignee, String summary,
                         BigDecimal labourHours, Money labourCost, List<Material> materials, Money materialsCost,
                         Money fee, List<CheckResult> checkResults, Instant completedAt) implements WorkOrderEvent {
    }

    /** An inspection found a fault: a repair order {@code followUpOrderId} is opened for it, linked to this one. */
    @Revision("1")
    record CheckFailed(WorkOrderId workOrderId, EstateId estateId, InspectionPlanId planId, String item, String note,
                       Location location, Category category, WorkOrderId followUpOrderId, Instant failedAt)
            implements WorkOrderEvent {
    }

    /** A paid repair is to be charged to the reporter's account; the charge id is derived from the work order. */
    @Revision("1")
    record RepairChargeRequested(WorkOrderId workOrderId, EstateId estateId, OwnerAccountId accountId,
                                 ChargeId chargeId, Money fee, YearMonth period, LocalDate dueDate,
                                 String description, Instant requestedAt) implements WorkOrderEvent {
    }

    @Revision("1")
    record RepairCharged(WorkOrderId workOrderId, EstateId estateId, OwnerAccountId accountId, ChargeId chargeId,
                         Money fee, Instant chargedAt) implements WorkOrderEvent {
    }

    @Revision("1")
    record RepairChargeFailed(WorkOrderId workOrderId, EstateId estateId, OwnerAccountId accountId,
                              ChargeId chargeId, Money fee, String reasonCode, Instant failedAt)
            implements WorkOrderEvent {
    }

    @Revision("1")
    record WorkOrderVerified(WorkOrderId workOrderId, EstateId estateId, int rating, String comment,
                             Instant verifiedAt) implements WorkOrderEvent {
    }

    @Revision("1")
    record WorkOrderClosed(WorkOrderId workOrderId, EstateId estateId, Instant closedAt) implements WorkOrderEvent {
    }

    /** Back to the assignee, who must accept again; both SLA clocks start again from the reopening. */
    @Revision("1")
    record WorkOrderReopened(WorkOrderId workOrderId, EstateId estateId, String reason, Assignee assignee,
                             Instant responseDue, Instant resolutionDue, Instant reopenedAt)
            implements WorkOrderEvent {
    }

    @Revision("1")
    record WorkOrderCancelled(WorkOrderId workOrderId, EstateId estateId, String reason, boolean byReporter,
                              Instant cancelledAt) implements WorkOrderEvent {
    }

    /** A deadline passed before it was met; {@code assignee} is who held the order then (null: nobody yet). */
    @Revision("1")
    record SlaBreached(WorkOrderId workOrderId, EstateId estateId, SlaKind kind, Priority priority, Instant deadline,
                       Assignee assignee, Instant detectedAt) implements WorkOrderEvent {
    }

    /** The estate's manager is notified (their escalation queue); {@code deadline} for an overdue order. */
    @Revision("1")
    record WorkOrderEscalated(WorkOrderId workOrderId, EstateId estateId, int escalation, EscalationReason reason,
                              Priority priority, Instant deadline, Instant escalatedAt) implements WorkOrderEvent {
    }

    @Revision("1")
    record EscalationAcknowledged(WorkOrderId workOrderId, EstateId estateId, int escalation, String note,
                                  Instant acknowledgedAt) implements WorkOrderEvent {
    }
}
