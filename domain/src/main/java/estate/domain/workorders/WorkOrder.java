package estate.domain.workorders;

import estate.domain.estates.EstateId;
import estate.domain.owners.ChargeId;
import estate.domain.owners.OwnerAccountId;
import estate.domain.shared.Deadlines;
import estate.domain.shared.DomainRuleViolation;
import estate.domain.shared.Money;
import estate.domain.workorders.MaintenanceLookup.EstateTerms;
import estate.domain.workorders.WorkOrderCommands.AcceptWorkOrder;
import estate.domain.workorders.WorkOrderCommands.AcknowledgeEscalation;
import estate.domain.workorders.WorkOrderCommands.AssignWorkOrder;
import estate.domain.workorders.WorkOrderCommands.CancelWorkOrder;
import estate.domain.workorders.WorkOrderCommands.CloseWorkOrder;
import estate.domain.workorders.WorkOrderCommands.CompleteWork;
import estate.domain.workorders.WorkOrderCommands.OpenInspectionOrder;
import estate.domain.workorders.WorkOrderCommands.PutWorkOnHold;
import estate.domain.workorders.WorkOrderCommands.ReassignWorkOrder;
import estate.domain.workorders.WorkOrderCommands.RecordRepairCharge;
import estate.domain.workorders.WorkOrderCommands.RecordRepairChargeFailure;
import estate.domain.workorders.WorkOrderCommands.RecordSlaBreach;
import estate.domain.workorders.WorkOrderCommands.ReopenWorkOrder;
import estate.domain.workorders.WorkOrderCommands.ReportWorkOrder;
import estate.domain.workorders.WorkOrderCommands.ResumeWork;
import estate.domain.workorders.WorkOrderCommands.StartWork;
import estate.domain.workorders.WorkOrderCommands.TriageWorkOrder;
import estate.domain.workorders.WorkOrderCommands.VerifyWorkOrder;
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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static estate.domain.workorders.WorkOrderStatus.ACCEPTED;
import static estate.domain.workorders.WorkOrderStatus.ASSIGNED;
import static estate.domain.workorders.WorkOrderStatus.CANCELLED;
import static estate.domain.workorders.WorkOrderStatus.CLOSED;
import static estate.domain.workorders.WorkOrderStatus.COMPLETED;
import static estate.domain.workorders.WorkOrderStatus.IN_PROGRESS;
import static estate.domain.workorders.WorkOrderStatus.ON_HOLD;
import static estate.domain.workorders.WorkOrderStatus.REPORTED;
import static estate.domain.workorders.WorkOrderStatus.TRIAGED;
import static estate.domain.workorders.WorkOrderStatus.VERIFIED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A work order (工单): a repair from report to the reporter's rating, or an inspection round of a plan. It keeps its
 * two SLA clocks — response (until accepted) and resolution (until completed) — and records each missed deadline
 * once, whether the sweeper notices it or a late transition does; every breach and every emergency is escalated to
 * the estate's manager. A paid repair's fee is requested from finance on completion, once.
 */
public class WorkOrder {

    private static final Set<WorkOrderStatus> REASSIGNABLE = EnumSet.of(ASSIGNED, ACCEPTED, IN_PROGRESS, ON_HOLD);
    private static final Set<WorkOrderStatus> REOPENABLE = EnumSet.of(COMPLETED, VERIFIED, CLOSED);
    private static final Set<WorkOrderStatus> BEFORE_DISPATCH = EnumSet.of(REPORTED, TRIAGED);

    @AggregateIdentifier
    private WorkOrderId workOrderId;
    private EstateId estateId;
    private WorkOrderStatus status;
    private Location location;
    private Category category;
    private String description;
    private OwnerAccountId reporterAccountId;
    private Currency currency;
    private ZoneId zoneId;
    private Instant reportedAt;
    private InspectionPlanId planId;
    private List<String> checklist = List.of();
    private Priority priority;
    private boolean paidRepair;
    private ServiceLevel serviceLevel;
    private Instant responseDue;
    private Instant resolutionDue;
    private boolean responseMet;
    private boolean responseBreached;
    private boolean resolutionBreached;
    private boolean slaPaused;
    private Instant heldAt;
    private Assignee assignee;
    private Instant completedAt;
    private boolean billed;
    private ChargeId pendingCharge;
    private Money pendingFee;
    private int escalations;
    private Set<Integer> acknowledged = new HashSet<>();

    protected WorkOrder() {
        // for Axon
    }

    @CommandHandler
    public WorkOrder(ReportWorkOrder command, MaintenanceLookup lookup) {
        EstateTerms terms = estateTerms(lookup, command.estateId());
        if (command.location().unitId() != null) {
            EstateId unitEstate = lookup.estateOfUnit(command.location().unitId())
                    .orElseThrow(() -> DomainRuleViolation.notFound("unknown-unit",
                            "Unit " + command.location().unitId() + " is not registered"));
            if (!unitEstate.equals(command.estateId())) {
                throw new DomainRuleViolation("unit-of-other-estate",
                        "Unit " + command.location().unitId() + " is not in estate " + command.estateId());
            }
        }
        apply(new WorkOrderReported(command.workOrderId(), command.estateId(), command.source(), command.location(),
                command.category(), command.description(), command.photos(), command.reporterAccountId(),
                command.reportedBy(), command.linkedInspectionId(), terms.currency(), terms.zoneId(),
                command.reportedAt()));
    }

    @CommandHandler
    public WorkOrder(OpenInspectionOrder command, MaintenanceLookup lookup) {
        EstateTerms terms = estateTerms(lookup, command.estateId());
        ServiceLevel level = lookup.serviceTerms(command.estateId()).orElse(ServiceTerms.DEFAULT)
                .levelFor(command.priority());
        Instant responseDeadline = Deadlines.due(command.openedAt(), level.responseMinutes());
        Instant resolutionDeadline = Deadlines.due(command.openedAt(), level.resolutionMinutes());
        apply(new InspectionOrderOpened(command.workOrderId(), command.estateId(), command.planId(),
                command.dueDate(), command.location(), command.category(), command.priority(), command.checklist(),
                level, responseDeadline, resolutionDeadline, terms.currency(), terms.zoneId(), command.openedAt()));
        if (command.priority() == Priority.EMERGENCY) {
            // events applied in a constructor reach the state only after it returns: this is escalation 1
            apply(new WorkOrderEscalated(command.workOrderId(), command.estateId(), 1, EscalationReason.EMERGENCY,
                    command.priority(), null, command.openedAt()));
        }
    }

    @CommandHandler
    public void handle(TriageWorkOrder command, MaintenanceLookup lookup) {
        require("triage", REPORTED);
        if (command.paidRepair() && reporterAccountId == null) {
            throw new DomainRuleViolation("no-account-to-charge",
                    "A paid repair needs the reporter's account; this order was reported without one");
        }
        ServiceLevel level = lookup.serviceTerms(estateId).orElse(ServiceTerms.DEFAULT).levelFor(command.priority());
        apply(new WorkOrderTriaged(workOrderId, estateId, command.priority(), command.paidRepair(), level,
                Deadlines.due(reportedAt, level.responseMinutes()),
                Deadlines.due(reportedAt, level.resolutionMinutes()), command.note(), command.triagedAt()));
        if (command.priority() == Priority.EMERGENCY) {
            escalate(EscalationReason.EMERGENCY, null, command.triagedAt());
        }
    }

    @CommandHandler
    public void handle(AssignWorkOrder command) {
        require("assign", TRIAGED);
        apply(new WorkOrderAssigned(workOrderId, estateId, command.assignee(), command.assignedAt()));
    }

    @CommandHandler
    public void handle(ReassignWorkOrder command) {
        require("reassign", REASSIGNABLE);
        if (command.assignee().equals(assignee)) {
            throw new DomainRuleViolation("same-assignee", "The order is assigned to " + assignee.label() + " already");
        }
        apply(new WorkOrderReassigned(workOrderId, estateId, assignee, command.assignee(), command.reason(),
                resolutionDueAfterPause(command.reassignedAt()), command.reassignedAt()));
    }

    @CommandHandler
    public void handle(AcceptWorkOrder command) {
        require("accept", ASSIGNED);
        if (responseRunning() && Deadlines.isLate(command.acceptedAt(), responseDue)) {
            breach(SlaKind.RESPONSE, command.acceptedAt());
        }
        apply(new WorkOrderAccepted(workOrderId, estateId, assignee, command.acceptedAt()));
    }

    @CommandHandler
    public void handle(StartWork command) {
        require("start", ACCEPTED);
        apply(new WorkStarted(workOrderId, estateId, command.startedAt()));
    }

    @CommandHandler
    public void handle(PutWorkOnHold command) {
        require("put on hold", IN_PROGRESS);
        boolean pauses = serviceLevel.holdPausesClock() && resolutionRunning();
        apply(new WorkPutOnHold(workOrderId, estateId, command.reason(), pauses, command.heldAt()));
    }

    @CommandHandler
    public void handle(ResumeWork command) {
        require("resume", ON_HOLD);
        apply(new WorkResumed(workOrderId, estateId, resolutionDueAfterPause(command.resumedAt()),
                command.resumedAt()));
    }

    @CommandHandler
    public void handle(CompleteWork command) {
        require("complete", IN_PROGRESS);
        RepairCosts.requireNotNegative(command.labourCost(), currency, "labour cost");
        Money materialsCost = RepairCosts.materialsCost(command.materials(), currency);
        requireFeeFits(command.fee());
        requireCheckResultsFit(command.checkResults());
        if (resolutionRunning() && Deadlines.isLate(command.completedAt(), resolutionDue)) {
            breach(SlaKind.RESOLUTION, command.completedAt());
        }
        apply(new WorkCompleted(workOrderId, estateId, assignee, command.summary(), command.labourHours(),
                command.labourCost(), command.materials(), materialsCost, command.fee(), command.checkResults(),
                command.completedAt()));
        List<CheckResult> results = command.checkResults();
        for (int i = 0; i < results.size(); i++) {
            CheckResult result = results.get(i);
            if (!result.passed()) {
                apply(new CheckFailed(workOrderId, estateId, planId, result.item(), result.note(), location, category,
                        followUpOrderId(i), command.completedAt()));
            }
        }
        if (command.fee() != null) {
            apply(new RepairChargeRequested(workOrderId, estateId, reporterAccountId,
                    RepairBilling.chargeIdFor(workOrderId), command.fee(),
                    RepairBilling.period(command.completedAt(), zoneId),
                    RepairBilling.dueDate(command.completedAt(), zoneId),
                    RepairBilling.description(workOrderId, category, location, description),
                    command.completedAt()));
        }
    }

    @CommandHandler
    public void handle(VerifyWorkOrder command) {
        require("verify", COMPLETED);
        apply(new WorkOrderVerified(workOrderId, estateId, command.rating(), command.comment(),
                command.verifiedAt()));
    }

    /** A repair closes once verified; an inspection round, which has nobody to rate it, once completed. */
    @CommandHandler
    public void handle(CloseWorkOrder command) {
        if (planId != null) {
            require("close", EnumSet.of(COMPLETED, VERIFIED));
        } else {
            require("close", VERIFIED);
        }
        apply(new WorkOrderClosed(workOrderId, estateId, command.closedAt()));
    }

    @CommandHandler
    public void handle(ReopenWorkOrder command) {
        require("reopen", REOPENABLE);
        if (!serviceLevel.allowsReopen(completedAt, command.reopenedAt())) {
            throw DomainRuleViolation.conflict("reopen-window-passed", "An order can be reopened within "
                    + serviceLevel.reopenWindowDays() + " days of completion; this one was completed at "
                    + completedAt);
        }
        apply(new WorkOrderReopened(workOrderId, estateId, command.reason(), assignee,
                Deadlines.due(command.reopenedAt(), serviceLevel.responseMinutes()),
                Deadlines.due(command.reopenedAt(), serviceLevel.resolutionMinutes()), command.reopenedAt()));
    }

    @CommandHandler
    public void handle(CancelWorkOrder command) {
        require("cancel", WorkOrderStatus.OPEN);
        if (command.byReporter() && !BEFORE_DISPATCH.contains(status)) {
            throw DomainRuleViolation.conflict("cancel-after-dispatch",
                    "The order has been dispatched; ask customer service to cancel it");
        }
        apply(new WorkOrderCancelled(workOrderId, estateId, command.reason(), command.byReporter(),
                command.cancelledAt()));
    }

    @CommandHandler
    public void handle(RecordSlaBreach command) {
        boolean response = command.kind() == SlaKind.RESPONSE;
        Deadlines.requireMissed(workOrderId, command.kind(), response ? responseBreached : resolutionBreached,
                response ? responseRunning() : resolutionRunning(), "sla-not-running",
                response ? responseDue : resolutionDue, command.deadline(), command.detectedAt());
        breach(command.kind(), command.detectedAt());
    }

    @CommandHandler
    public void handle(AcknowledgeEscalation command) {
        if (command.escalation() < 1 || command.escalation() > escalations) {
            throw DomainRuleViolation.notFound("unknown-escalation",
                    "Work order " + workOrderId + " has no escalation " + command.escalation());
        }
        if (acknowledged.contains(command.escalation())) {
            throw DomainRuleViolation.conflict("escalation-already-acknowledged",
                    "Escalation " + command.escalation() + " is acknowledged already");
        }
        apply(new EscalationAcknowledged(workOrderId, estateId, command.escalation(), command.note(),
                command.acknowledgedAt()));
    }

    @CommandHandler
    public void handle(RecordRepairCharge command) {
        requirePendingCharge(command.chargeId());
        apply(new RepairCharged(workOrderId, estateId, reporterAccountId, command.chargeId(), pendingFee,
                command.chargedAt()));
    }

    @CommandHandler
    public void handle(RecordRepairChargeFailure command) {
        requirePendingCharge(command.chargeId());
        apply(new RepairChargeFailed(workOrderId, estateId, reporterAccountId, command.chargeId(), pendingFee,
                command.reasonCode(), command.failedAt()));
        escalate(EscalationReason.REPAIR_CHARGE_FAILED, null, command.failedAt());
    }

    private void breach(SlaKind kind, Instant detectedAt) {
        Instant deadline = kind == SlaKind.RESPONSE ? responseDue : resolutionDue;
        apply(new SlaBreached(workOrderId, estateId, kind, priority, deadline, assignee, detectedAt));
        escalate(EscalationReason.overdue(kind), deadline, detectedAt);
    }

    private void escalate(EscalationReason reason, Instant deadline, Instant at) {
        apply(new WorkOrderEscalated(workOrderId, estateId, escalations + 1, reason, priority, deadline, at));
    }

    private boolean responseRunning() {
        return responseDue != null && !responseMet && !responseBreached
                && EnumSet.of(TRIAGED, ASSIGNED).contains(status);
    }

    private boolean resolutionRunning() {
        return resolutionDue != null && !resolutionBreached && status.isOpen() && !(status == ON_HOLD && slaPaused);
    }

    /** The resolution deadline once a hold ends: moved by the pause if the clock stood still. */
    private Instant resolutionDueAfterPause(Instant at) {
        return status == ON_HOLD && slaPaused ? SlaDeadlines.extendedByPause(resolutionDue, heldAt, at) : resolutionDue;
    }

    private void requireFeeFits(Money fee) {
        if (fee == null) {
            if (paidRepair && !billed) {
                throw new DomainRuleViolation("fee-required", "A paid repair is completed with its fee");
            }
            return;
        }
        if (!paidRepair) {
            throw new DomainRuleViolation("fee-on-free-repair", "This repair was triaged as free of charge");
        }
        if (billed) {
            throw DomainRuleViolation.conflict("repair-already-billed",
                    "The fee of this repair was charged at its first completion; redoing it is free");
        }
        if (!fee.currency().equals(currency)) {
            throw new Money.CurrencyMismatchException(currency, fee.currency());
        }
        if (!fee.isPositive()) {
            throw new DomainRuleViolation("non-positive-amount", "The fee must be greater than zero");
        }
    }

    private void requireCheckResultsFit(List<CheckResult> results) {
        if (checklist.isEmpty()) {
            if (!results.isEmpty()) {
                throw new DomainRuleViolation("not-an-inspection", "Only an inspection round has check results");
            }
            return;
        }
        Set<String> items = new LinkedHashSet<>();
        results.forEach(result -> items.add(result.item()));
        if (items.size() != results.size() || !items.equals(new LinkedHashSet<>(checklist))) {
            throw new DomainRuleViolation("check-results-incomplete",
                    "Give one result for each checklist item: " + checklist);
        }
    }

    private void requirePendingCharge(ChargeId chargeId) {
        if (pendingCharge == null || !pendingCharge.equals(chargeId)) {
            throw DomainRuleViolation.conflict("no-pending-charge",
                    "Work order " + workOrderId + " awaits no outcome of charge " + chargeId);
        }
    }

    private void require(String action, WorkOrderStatus allowed) {
        require(action, EnumSet.of(allowed));
    }

    private void require(String action, Set<WorkOrderStatus> allowed) {
        if (!allowed.contains(status)) {
            throw DomainRuleViolation.conflict("illegal-transition",
                    "Cannot " + action + " a work order that is " + status);
        }
    }

    /** The repair order opened for failed item {@code index} (0-based): one per item, whoever opens it. */
    private WorkOrderId followUpOrderId(int index) {
        return WorkOrderId.of(workOrderId.value() + ":" + (index + 1));
    }

    private static EstateTerms estateTerms(MaintenanceLookup lookup, EstateId estateId) {
        return lookup.estate(estateId).orElseThrow(() -> DomainRuleViolation.notFound("unknown-estate",
                "Estate " + estateId + " is not registered"));
    }

    @EventSourcingHandler
    void on(WorkOrderReported event) {
        workOrderId = event.workOrderId();
        estateId = event.estateId();
        status = REPORTED;
        location = event.location();
        category = event.category();
        description = event.description();
        reporterAccountId = event.reporterAccountId();
        currency = event.currency();
        zoneId = event.zoneId();
        reportedAt = event.reportedAt();
    }

    @EventSourcingHandler
    void on(InspectionOrderOpened event) {
        workOrderId = event.workOrderId();
        estateId = event.estateId();
        status = TRIAGED;
        location = event.location();
        category = event.category();
        description = "Inspection of " + event.location().label() + " due " + event.dueDate();
        currency = event.currency();
        zoneId = event.zoneId();
        reportedAt = event.openedAt();
        planId = event.planId();
        checklist = List.copyOf(event.checklist());
        priority = event.priority();
        serviceLevel = event.serviceLevel();
        responseDue = event.responseDue();
        resolutionDue = event.resolutionDue();
    }

    @EventSourcingHandler
    void on(WorkOrderTriaged event) {
        status = TRIAGED;
        priority = event.priority();
        paidRepair = event.paidRepair();
        serviceLevel = event.serviceLevel();
        responseDue = event.responseDue();
        resolutionDue = event.resolutionDue();
    }

    @EventSourcingHandler
    void on(WorkOrderAssigned event) {
        status = ASSIGNED;
        assignee = event.assignee();
    }

    @EventSourcingHandler
    void on(WorkOrderReassigned event) {
        status = ASSIGNED;
        assignee = event.assignee();
        resolutionDue = event.resolutionDue();
        slaPaused = false;
        heldAt = null;
    }

    @EventSourcingHandler
    void on(WorkOrderAccepted event) {
        status = ACCEPTED;
        responseMet = true;
    }

    @EventSourcingHandler
    void on(WorkStarted event) {
        status = IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(WorkPutOnHold event) {
        status = ON_HOLD;
        slaPaused = event.slaPaused();
        heldAt = event.heldAt();
    }

    @EventSourcingHandler
    void on(WorkResumed event) {
        status = IN_PROGRESS;
        resolutionDue = event.resolutionDue();
        slaPaused = false;
        heldAt = null;
    }

    @EventSourcingHandler
    void on(WorkCompleted event) {
        status = COMPLETED;
        completedAt = event.completedAt();
        if (event.fee() != null) {
            billed = true;
        }
    }

    @EventSourcingHandler
    void on(RepairChargeRequested event) {
        pendingCharge = event.chargeId();
        pendingFee = event.fee();
    }

    @EventSourcingHandler
    void on(RepairCharged event) {
        pendingCharge = null;
        pendingFee = null;
    }

    @EventSourcingHandler
    void on(RepairChargeFailed event) {
        pendingCharge = null;
        pendingFee = null;
    }

    @EventSourcingHandler
    void on(WorkOrderVerified event) {
        status = VERIFIED;
    }

    @EventSourcingHandler
    void on(WorkOrderClosed event) {
        status = CLOSED;
    }

    @EventSourcingHandler
    void on(WorkOrderReopened event) {
        status = ASSIGNED;
        responseDue = event.responseDue();
        resolutionDue = event.resolutionDue();
        responseMet = false;
        responseBreached = false;
        resolutionBreached = false;
    }

    @EventSourcingHandler
    void on(WorkOrderCancelled event) {
        status = CANCELLED;
    }

    @EventSourcingHandler
    void on(SlaBreached event) {
        if (event.kind() == SlaKind.RESPONSE) {
            responseBreached = true;
        } else {
            resolutionBreached = true;
        }
    }

    @EventSourcingHandler
    void on(WorkOrderEscalated event) {
        escalations = event.escalation();
    }

    @EventSourcingHandler
    void on(EscalationAcknowledged event) {
        acknowledged.add(event.escalation());
    }
}
