package estate.domain.workorders;

import estate.domain.estates.EstateId;
import estate.domain.owners.ChargeId;
import estate.domain.owners.OwnerAccountId;
import estate.domain.shared.Checks;
import estate.domain.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Commands on work orders: the lifecycle from report to close, the SLA clock and the paid-repair charge. */
public final class WorkOrderCommands {

    private static final Pattern PHOTO_REFERENCE = Pattern.compile("\\S{1,500}");
    private static final BigDecimal MAX_LABOUR_HOURS = new BigDecimal("10000");

    private WorkOrderCommands() {
    }

    /**
     * A repair request (报修): from an owner through the app (with their account, which a paid repair is charged
     * to), from staff (optionally on behalf of an account), or from an inspection whose check item failed.
     */
    public record ReportWorkOrder(@TargetAggregateIdentifier WorkOrderId workOrderId, EstateId estateId,
                                  ReportSource source, Location location, Category category, String description,
                                  List<String> photos, OwnerAccountId reporterAccountId, String reportedBy,
                                  WorkOrderId linkedInspectionId, Instant reportedAt) {
        public ReportWorkOrder {
            Objects.requireNonNull(workOrderId, "workOrderId");
            Objects.requireNonNull(estateId, "estateId");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(category, "category");
            description = Checks.text(description, "description", 2000);
            photos = Checks.list(photos, "photos");
            if (photos.size() > 10 || photos.stream().anyMatch(p -> p == null || !PHOTO_REFERENCE.matcher(p).matches())) {
                throw new IllegalArgumentException("At most 10 photos, each a reference of 1-500 characters");
            }
            reportedBy = Checks.text(reportedBy, "reportedBy", 100);
            if ((source == ReportSource.INSPECTION) != (linkedInspectionId != null)) {
                throw new IllegalArgumentException("An order from an inspection, and only such an order, names it");
            }
            if (source == ReportSource.OWNER_APP && reporterAccountId == null) {
                throw new IllegalArgumentException("An owner reports for an account");
            }
            Objects.requireNonNull(reportedAt, "reportedAt");
        }
    }

    /** An inspection round (巡检) of a plan, for one due date; it starts triaged, with the plan's priority. */
    public record OpenInspectionOrder(@TargetAggregateIdentifier WorkOrderId workOrderId, EstateId estateId,
                                      InspectionPlanId planId, LocalDate dueDate, Location location,
                                      Category category, Priority priority, List<String> checklist,
                                      Instant openedAt) {
        public OpenInspectionOrder {
            Objects.requireNonNull(workOrderId, "workOrderId");
            Objects.requireNonNull(estateId, "estateId");
            Objects.requireNonNull(planId, "planId");
            Objects.requireNonNull(dueDate, "dueDate");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(priority, "priority");
            checklist = Checks.list(checklist, "checklist");
            if (checklist.isEmpty()) {
                throw new IllegalArgumentException("An inspection has a checklist");
            }
            Objects.requireNonNull(openedAt, "openedAt");
        }
    }

    /** Customer service sets the priority (which starts the SLA clocks) and whether the owner pays for the repair. */
    public record TriageWorkOrder(@TargetAggregateIdentifier WorkOrderId workOrderId, Priority priority,
                                  boolean paidRepair, String note, Instant triagedAt) {
        public TriageWorkOrder {
            Objects.requireNonNull(workOrderId, "workOrderId");
            Objects.requireNonNull(priority, "priority");
            note = Checks.optionalText(note, "note", 1000);
            Objects.requireNonNull(triagedAt, "triagedAt");
        }
    }

    /** Dispatch (派单) to a maintenance staff member or a supplier under contract. */
    public record AssignWorkOrder(@TargetAggregateIdentifier WorkOrderId workOrderId, Assignee assignee,
                                  Instant assignedAt) {
        public AssignWorkOrder {
            Objects.requireNonNull(workOrderId, "workOrderId");
            Objects.requireNonNull(assignee, "assignee");
            Objects.requireNonNull(assignedAt, "assignedAt");
        }
    }

    public record ReassignWorkOrder(@TargetAggregateIdentifier WorkOrderId workOrderId, Assignee assignee,
                                    String reason, Instant reassignedAt) {
        public ReassignWorkOrder {
            Objects.requireNonNull(workOrderId, "workOrderId");
            Objects.requireNonNull(assignee, "assignee");
            reason = Checks.text(reason, "reason", 500);
            Objects.requireNonNull(reassignedAt, "reassignedAt");
        }
    }

    /** The assignee takes the job on: this meets the response target. */
    public record AcceptWorkOrder(@TargetAggregateIdentifier WorkOrderId workOrderId, Instant acceptedAt) {
        public AcceptWorkOrder {
            Objects.requireNonNull(workOrderId, "workOrderId");
            Objects.requireNonNull(acceptedAt, "acceptedAt");
        }
    }

    public record StartWork(@TargetAggregateIdentifier WorkOrderId workOrderId, Instant startedAt) {
        public StartWork {
            Objects.requireNonNull(workOrderId, "workOrderId");
            Objects.requireNonNull(startedAt, "startedAt");
        }
    }

    public record PutWorkOnHold(@TargetAggregateIdentifier WorkOrderId workOrderId, String reason, Instant heldAt) {
        public PutWorkOnHold {
            Objects.requireNonNull(workOrderId, "workOrderId");
            reason = Checks.text(reason, "reason", 500);
            Objects.requireNonNull(heldAt, "heldAt");
        }
    }

    public record ResumeWork(@TargetAggregateIdentifier WorkOrderId workOrderId, Instant resumedAt) {
        public ResumeWork {
            Objects.requireNonNull(workOrderId, "workOrderId");
            Objects.requireNonNull(resumedAt, "resumedAt");
        }
    }

    /**
     * The work is done: what was done, labour hours and cost, materials, the fee of a paid repair (charged to the
     * reporter's account), and for an inspection the result of every checklist item.
     */
    public record CompleteWork(@TargetAggregateIdentifier WorkOrderId workOrderId, String summary,
                               BigDecimal labourHours, Money labourCost, List<Material> materials, Money fee,
                               List<CheckResult> checkResults, Instant completedAt) {
        public CompleteWork {
            Objects.requireNonNull(workOrderId, "workOrderId");
            summary = Checks.text(summary, "summary", 2000);
            Objects.requireNonNull(labourHours, "labourHours");
            if (labourHours.signum() < 0 || labourHours.compareTo(MAX_LABOUR_HOURS) > 0
                    || labourHours.stripTrailingZeros().scale() > 2) {
                throw new IllegalArgumentException("labourHours must be 0 to 10000 with at most two decimals");
            }
            labourHours = labourHours.setScale(2);
            Objects.requireNonNull(labourCost, "labourCost");
            materials = Checks.list(materials, "materials");
            if (materials.size() > 100) {
                throw new IllegalArgumentException("At most 100 material lines");
            }
            checkResults = Checks.list(checkResults, "checkResults");
            Objects.requireNonNull(completedAt, "completedAt");
        }
    }

    /** The reporter (or customer service on a return visit, 回访) confirms the repair and rates it 1-5. */
    public record VerifyWorkOrder(@TargetAggregateIdentifier WorkOrderId workOrderId, int rating, String comment,
                                  Instant verifiedAt) {
        public VerifyWorkOrder {
            Objects.requireNonNull(workOrderId, "workOrderId");
            if (rating < 1 || rating > 5) {
                throw new IllegalArgumentException("rating must be 1 to 5");
            }
            comment = Checks.optionalText(comment, "comment", 1000);
            Objects.requireNonNull(verifiedAt, "verifiedAt");
        }
    }

    public record CloseWorkOrder(@TargetAggregateIdentifier WorkOrderId workOrderId, Instant closedAt) {
        public CloseWorkOrder {
            Objects.requireNonNull(workOrderId, "workOrderId");
            Objects.requireNonNull(closedAt, "closedAt");
        }
    }

    /** The fault came back within the estate's reopen window: the same assignee takes the order up again. */
    public record ReopenWorkOrder(@TargetAggregateIdentifier WorkOrderId workOrderId, String reason,
                                  Instant reopenedAt) {
        public ReopenWorkOrder {
            Objects.requireNonNull(workOrderId, "workOrderId");
            reason = Checks.text(reason, "reason", 500);
            Objects.requireNonNull(reopenedAt, "reopenedAt");
        }
    }

    /** {@code byReporter}: the owner withdraws their own request, which they may do only before it is dispatched. */
    public record CancelWorkOrder(@TargetAggregateIdentifier WorkOrderId workOrderId, String reason,
                                  boolean byReporter, Instant cancelledAt) {
        public CancelWorkOrder {
            Objects.requireNonNull(workOrderId, "workOrderId");
            reason = Checks.text(reason, "reason", 500);
            Objects.requireNonNull(cancelledAt, "cancelledAt");
        }
    }

    /**
     * Sent by the SLA sweeper when a deadline it knows of has passed. Idempotent: accepted once for the deadline
     * that is running; rejected (and to be dropped) when that clock was met, paused, moved or already breached.
     */
    public record RecordSlaBreach(@TargetAggregateIdentifier WorkOrderId workOrderId, SlaKind kind, Instant deadline,
                                  Instant detectedAt) {
        public RecordSlaBreach {
            Objects.requireNonNull(workOrderId, "workOrderId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(deadline, "deadline");
            Objects.requireNonNull(detectedAt, "detectedAt");
        }
    }

    /** The manager has taken note of an escalation (numbered 1, 2, … per work order). */
    public record AcknowledgeEscalation(@TargetAggregateIdentifier WorkOrderId workOrderId, int escalation,
                                        String note, Instant acknowledgedAt) {
        public AcknowledgeEscalation {
            Objects.requireNonNull(workOrderId, "workOrderId");
            note = Checks.optionalText(note, "note", 1000);
            Objects.requireNonNull(acknowledgedAt, "acknowledgedAt");
        }
    }

    /** Finance booked the paid-repair charge (sent by the repair-charge process). */
    public record RecordRepairCharge(@TargetAggregateIdentifier WorkOrderId workOrderId, ChargeId chargeId,
                                     Instant chargedAt) {
        public RecordRepairCharge {
            Objects.requireNonNull(workOrderId, "workOrderId");
            Objects.requireNonNull(chargeId, "chargeId");
            Objects.requireNonNull(chargedAt, "chargedAt");
        }
    }

    /** Finance refused the paid-repair charge, with the code it gave (sent by the repair-charge process). */
    public record RecordRepairChargeFailure(@TargetAggregateIdentifier WorkOrderId workOrderId, ChargeId chargeId,
                                            String reasonCode, Instant failedAt) {
        public RecordRepairChargeFailure {
            Objects.requireNonNull(workOrderId, "workOrderId");
            Objects.requireNonNull(chargeId, "chargeId");
            reasonCode = Checks.text(reasonCode, "reasonCode", 100);
            Objects.requireNonNull(failedAt, "failedAt");
        }
    }
}
