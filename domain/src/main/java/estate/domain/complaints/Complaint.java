package estate.domain.complaints;

import estate.domain.complaints.ComplaintCommands.AcknowledgeComplaint;
import estate.domain.complaints.ComplaintCommands.AddInternalNote;
import estate.domain.complaints.ComplaintCommands.AssignComplaint;
import estate.domain.complaints.ComplaintCommands.MergeComplaint;
import estate.domain.complaints.ComplaintCommands.RateResolution;
import estate.domain.complaints.ComplaintCommands.ReceiveComplaint;
import estate.domain.complaints.ComplaintCommands.RecordMissedDeadline;
import estate.domain.complaints.ComplaintCommands.RecordReturnVisit;
import estate.domain.complaints.ComplaintCommands.RecordWorkOrderCompleted;
import estate.domain.complaints.ComplaintCommands.ResolveComplaint;
import estate.domain.complaints.ComplaintCommands.StartInvestigation;
import estate.domain.complaints.ComplaintCommands.TransferComplaint;
import estate.domain.complaints.ComplaintCommands.WithdrawComplaint;
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
import estate.domain.complaints.ComplaintLookup.RecentComplaint;
import estate.domain.estates.EstateId;
import estate.domain.owners.OwnerAccountId;
import estate.domain.shared.Deadlines;
import estate.domain.shared.DomainRuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static estate.domain.complaints.ComplaintStatus.ACKNOWLEDGED;
import static estate.domain.complaints.ComplaintStatus.ASSIGNED;
import static estate.domain.complaints.ComplaintStatus.CLOSED;
import static estate.domain.complaints.ComplaintStatus.INVESTIGATING;
import static estate.domain.complaints.ComplaintStatus.MERGED;
import static estate.domain.complaints.ComplaintStatus.RECEIVED;
import static estate.domain.complaints.ComplaintStatus.RESOLVED;
import static estate.domain.complaints.ComplaintStatus.WITHDRAWN;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A complaint (投诉): received → acknowledged → assigned → investigating → resolved → (rating / return visit) →
 * closed, or reopened when the complainant does not accept the resolution. Two rapid-response clocks (acknowledge,
 * resolve) with deadlines from the estate's terms at receipt; each missed deadline is recorded once, whoever notices
 * it first, and escalated to the manager; reopenings and repeat complaints escalate with higher severity.
 */
public class Complaint {

    private static final Set<ComplaintStatus> HANDLED = EnumSet.of(ASSIGNED, INVESTIGATING);
    private static final Set<ComplaintStatus> BEFORE_RESOLUTION = EnumSet.of(RECEIVED, ACKNOWLEDGED, ASSIGNED,
            INVESTIGATING);

    @AggregateIdentifier
    private ComplaintId complaintId;
    private EstateId estateId;
    private ComplaintStatus status;
    private ComplaintCategory category;
    private OwnerAccountId accountId;
    private ReturnVisitPolicy returnVisitPolicy;
    private int resolveMinutes;
    private Instant acknowledgeDue;
    private Instant resolutionDue;
    private boolean acknowledged;
    private boolean acknowledgeMissed;
    private boolean resolutionMissed;
    private boolean resolved;
    private boolean rated;
    private Handler handler;
    private String openWorkOrder;
    private int breaches;
    private int escalations;
    private int level;
    private int reopenings;

    protected Complaint() {
        // for Axon
    }

    @CommandHandler
    public Complaint(ReceiveComplaint command, ComplaintLookup lookup) {
        if (!lookup.estateExists(command.estateId())) {
            throw DomainRuleViolation.notFound("unknown-estate", "Estate " + command.estateId() + " is not registered");
        }
        ComplaintId repeatOf = null;
        if (command.accountId() == null) {
            if (!command.channel().allowsAnonymous()) {
                throw new DomainRuleViolation("anonymous-not-allowed",
                        "A complaint by " + command.channel() + " names the complainant's account");
            }
        } else {
            EstateId accountEstate = lookup.estateOfAccount(command.accountId()).orElseThrow(() ->
                    DomainRuleViolation.notFound("unknown-account", "No account " + command.accountId()));
            if (!accountEstate.equals(command.estateId())) {
                throw new DomainRuleViolation("account-of-other-estate",
                        "Account " + command.accountId() + " is not in estate " + command.estateId());
            }
            repeatOf = lookup.complaintsSince(command.accountId(),
                            command.receivedAt().minus(java.time.Duration.ofDays(EscalationPolicy.REPEAT_WINDOW_DAYS)))
                    .stream()
                    .filter(recent -> !recent.complaintId().equals(command.complaintId()))
                    .filter(recent -> EscalationPolicy.isRepeat(recent.receivedAt(), command.receivedAt()))
                    .map(RecentComplaint::complaintId).findFirst().orElse(null);
        }
        CareTerms terms = lookup.careTerms(command.estateId()).orElse(CareTerms.DEFAULT);
        ResponseTarget target = terms.targetFor(command.category());
        apply(new ComplaintReceived(command.complaintId(), command.estateId(), command.channel(), command.category(),
                command.accountId(), command.buildingId(), command.description(), command.receivedBy(),
                Deadlines.due(command.receivedAt(), target.acknowledgeMinutes()),
                Deadlines.due(command.receivedAt(), target.resolveMinutes()), target.resolveMinutes(),
                terms.returnVisitPolicy(), repeatOf, command.receivedAt()));
        if (repeatOf != null) {
            // events applied in a constructor reach the state only after it returns: this is escalation 1
            apply(new ComplaintEscalated(command.complaintId(), command.estateId(), 1,
                    ComplaintEscalationReason.REPEAT_COMPLAINT,
                    EscalationPolicy.levelFor(ComplaintEscalationReason.REPEAT_COMPLAINT, 0, 0),
                    EscalationPolicy.ESCALATED_TO, null, command.receivedAt()));
        }
    }

    @CommandHandler
    public void handle(AcknowledgeComplaint command) {
        require("acknowledge", RECEIVED);
        if (acknowledgeRunning() && Deadlines.isLate(command.acknowledgedAt(), acknowledgeDue)) {
            missed(DeadlineKind.ACKNOWLEDGE, command.acknowledgedAt());
        }
        apply(new ComplaintAcknowledged(complaintId, estateId, command.message(), command.acknowledgedAt()));
    }

    @CommandHandler
    public void handle(AssignComplaint command) {
        require("assign", ACKNOWLEDGED);
        apply(new ComplaintAssigned(complaintId, estateId, command.handler(), command.assignedAt()));
    }

    @CommandHandler
    public void handle(TransferComplaint command) {
        require("transfer", HANDLED);
        if (command.handler().equals(handler)) {
            throw DomainRuleViolation.conflict("same-handler", "The complaint is with " + handler.label() + " already");
        }
        apply(new ComplaintTransferred(complaintId, estateId, handler, command.handler(), command.reason(),
                command.transferredAt()));
    }

    @CommandHandler
    public void handle(StartInvestigation command) {
        require("investigate", ASSIGNED);
        apply(new InvestigationStarted(complaintId, estateId, handler, command.startedAt()));
    }

    @CommandHandler
    public void handle(AddInternalNote command) {
        if (!status.isOpen()) {
            throw DomainRuleViolation.conflict("illegal-transition", "Cannot add a note to a complaint that is "
                    + status);
        }
        apply(new InternalNoteAdded(complaintId, estateId, command.note(), command.addedAt()));
    }

    @CommandHandler
    public void handle(ResolveComplaint command) {
        require("resolve", INVESTIGATING);
        if (command.workOrder() != null && openWorkOrder != null) {
            throw DomainRuleViolation.conflict("work-order-open",
                    "Work order " + openWorkOrder + " of this complaint is not completed yet");
        }
        if (resolutionRunning() && Deadlines.isLate(command.resolvedAt(), resolutionDue)) {
            missed(DeadlineKind.RESOLUTION, command.resolvedAt());
        }
        boolean nobodyToCall = accountId == null || returnVisitPolicy == ReturnVisitPolicy.NEVER;
        String workOrderId = command.workOrder() == null ? null : command.workOrder().workOrderId();
        apply(new ComplaintResolved(complaintId, estateId, handler, command.resolution(), command.actions(),
                workOrderId, !nobodyToCall, command.resolvedAt()));
        if (command.workOrder() != null) {
            apply(new WorkOrderRequested(complaintId, estateId, workOrderId, category, accountId,
                    command.workOrder(), command.resolvedAt()));
        }
        if (nobodyToCall) {
            apply(new ComplaintClosed(complaintId, estateId, command.resolvedAt()));
        }
    }

    @CommandHandler
    public void handle(RecordWorkOrderCompleted command) {
        if (openWorkOrder == null || !openWorkOrder.equals(command.workOrderId())) {
            throw DomainRuleViolation.conflict("no-open-work-order",
                    "Complaint " + complaintId + " awaits no work order " + command.workOrderId());
        }
        apply(new LinkedWorkOrderCompleted(complaintId, estateId, command.workOrderId(), command.completedAt()));
    }

    @CommandHandler
    public void handle(RateResolution command) {
        require("rate", RESOLVED);
        if (rated) {
            throw DomainRuleViolation.conflict("already-rated", "This resolution has been rated already");
        }
        apply(new ResolutionRated(complaintId, estateId, command.rating(), command.accepted(), command.comment(),
                command.ratedAt()));
        if (!command.accepted()) {
            reopen("The complainant did not accept the resolution (rated " + command.rating() + ")",
                    command.ratedAt());
        } else if (returnVisitPolicy == ReturnVisitPolicy.ONLY_WHEN_NOT_RATED && openWorkOrder == null) {
            apply(new ComplaintClosed(complaintId, estateId, command.ratedAt()));
        }
    }

    @CommandHandler
    public void handle(RecordReturnVisit command) {
        require("record a return visit on", RESOLVED);
        if (openWorkOrder != null) {
            throw DomainRuleViolation.conflict("work-order-open",
                    "Work order " + openWorkOrder + " of this complaint is not completed yet");
        }
        apply(new ReturnVisitRecorded(complaintId, estateId, command.satisfaction(), command.accepted(),
                command.notes(), command.visitedAt()));
        if (command.accepted()) {
            apply(new ComplaintClosed(complaintId, estateId, command.visitedAt()));
        } else {
            reopen("Not accepted on the return visit (satisfaction " + command.satisfaction() + ")",
                    command.visitedAt());
        }
    }

    @CommandHandler
    public void handle(WithdrawComplaint command) {
        require("withdraw", EnumSet.of(RECEIVED, ACKNOWLEDGED, ASSIGNED, INVESTIGATING, RESOLVED));
        if (command.byComplainant() && accountId == null) {
            throw new DomainRuleViolation("anonymous-complaint", "An anonymous complaint has nobody to withdraw it");
        }
        apply(new ComplaintWithdrawn(complaintId, estateId, command.reason(), command.byComplainant(),
                command.withdrawnAt()));
    }

    @CommandHandler
    public void handle(MergeComplaint command, ComplaintLookup lookup) {
        require("merge", BEFORE_RESOLUTION);
        if (command.into().equals(complaintId)) {
            throw new DomainRuleViolation("merge-into-self", "A complaint cannot be merged into itself");
        }
        EstateId target = lookup.estateOfComplaint(command.into()).orElseThrow(() ->
                DomainRuleViolation.notFound("unknown-complaint", "No complaint " + command.into()));
        if (!target.equals(estateId)) {
            throw new DomainRuleViolation("complaint-of-other-estate", "Complaint " + command.into()
                    + " is in another estate");
        }
        apply(new ComplaintMerged(complaintId, estateId, command.into(), command.mergedAt()));
    }

    @CommandHandler
    public void handle(RecordMissedDeadline command) {
        boolean acknowledge = command.kind() == DeadlineKind.ACKNOWLEDGE;
        Deadlines.requireMissed(complaintId, command.kind(), acknowledge ? acknowledgeMissed : resolutionMissed,
                acknowledge ? acknowledgeRunning() : resolutionRunning(), "deadline-not-running",
                acknowledge ? acknowledgeDue : resolutionDue, command.deadline(), command.detectedAt());
        missed(command.kind(), command.detectedAt());
    }

    private void missed(DeadlineKind kind, Instant detectedAt) {
        Instant deadline = kind == DeadlineKind.ACKNOWLEDGE ? acknowledgeDue : resolutionDue;
        int breachesBefore = breaches;
        apply(new ComplaintDeadlineMissed(complaintId, estateId, kind, deadline, handler, detectedAt));
        escalate(ComplaintEscalationReason.overdue(kind), breachesBefore, deadline, detectedAt);
    }

    private void reopen(String reason, Instant at) {
        apply(new ComplaintReopened(complaintId, estateId, handler, reason, reopenings + 1,
                Deadlines.due(at, resolveMinutes), at));
        escalate(ComplaintEscalationReason.REOPENED, breaches, null, at);
    }

    private void escalate(ComplaintEscalationReason reason, int breachesBefore, Instant deadline, Instant at) {
        apply(new ComplaintEscalated(complaintId, estateId, escalations + 1, reason,
                EscalationPolicy.levelFor(reason, breachesBefore, level), EscalationPolicy.ESCALATED_TO, deadline, at));
    }

    private boolean acknowledgeRunning() {
        return !acknowledged && !acknowledgeMissed && status == RECEIVED;
    }

    private boolean resolutionRunning() {
        return !resolved && !resolutionMissed && BEFORE_RESOLUTION.contains(status);
    }

    private void require(String action, ComplaintStatus allowed) {
        require(action, EnumSet.of(allowed));
    }

    private void require(String action, Set<ComplaintStatus> allowed) {
        if (!allowed.contains(status)) {
            throw DomainRuleViolation.conflict("illegal-transition",
                    "Cannot " + action + " a complaint that is " + status);
        }
    }

    @EventSourcingHandler
    void on(ComplaintReceived event) {
        complaintId = event.complaintId();
        estateId = event.estateId();
        status = RECEIVED;
        category = event.category();
        accountId = event.accountId();
        returnVisitPolicy = event.returnVisitPolicy();
        resolveMinutes = event.resolveMinutes();
        acknowledgeDue = event.acknowledgeDue();
        resolutionDue = event.resolutionDue();
    }

    @EventSourcingHandler
    void on(ComplaintAcknowledged event) {
        status = ACKNOWLEDGED;
        acknowledged = true;
    }

    @EventSourcingHandler
    void on(ComplaintAssigned event) {
        status = ASSIGNED;
        handler = event.handler();
    }

    @EventSourcingHandler
    void on(ComplaintTransferred event) {
        handler = event.handler();
    }

    @EventSourcingHandler
    void on(InvestigationStarted event) {
        status = INVESTIGATING;
    }

    @EventSourcingHandler
    void on(ComplaintResolved event) {
        status = RESOLVED;
        resolved = true;
        rated = false;
    }

    @EventSourcingHandler
    void on(WorkOrderRequested event) {
        openWorkOrder = event.workOrderId();
    }

    @EventSourcingHandler
    void on(LinkedWorkOrderCompleted event) {
        openWorkOrder = null;
    }

    @EventSourcingHandler
    void on(ResolutionRated event) {
        rated = true;
    }

    @EventSourcingHandler
    void on(ComplaintClosed event) {
        status = CLOSED;
    }

    @EventSourcingHandler
    void on(ComplaintReopened event) {
        status = INVESTIGATING;
        reopenings = event.reopenCount();
        resolutionDue = event.resolutionDue();
        resolved = false;
        resolutionMissed = false;
    }

    @EventSourcingHandler
    void on(ComplaintWithdrawn event) {
        status = WITHDRAWN;
    }

    @EventSourcingHandler
    void on(ComplaintMerged event) {
        status = MERGED;
    }

    @EventSourcingHandler
    void on(ComplaintDeadlineMissed event) {
        breaches++;
        if (event.kind() == DeadlineKind.ACKNOWLEDGE) {
            acknowledgeMissed = true;
        } else {
            resolutionMissed = true;
        }
    }

    @EventSourcingHandler
    void on(ComplaintEscalated event) {
        escalations = event.escalation();
        level = Math.max(level, event.level());
    }

}
