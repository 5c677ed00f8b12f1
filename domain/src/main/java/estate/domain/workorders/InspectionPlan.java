package estate.domain.workorders;

import estate.domain.estates.EstateId;
import estate.domain.shared.DomainRuleViolation;
import estate.domain.workorders.InspectionPlanCommands.CreateInspectionPlan;
import estate.domain.workorders.InspectionPlanCommands.IssueInspection;
import estate.domain.workorders.InspectionPlanCommands.RetireInspectionPlan;
import estate.domain.workorders.InspectionPlanEvent.InspectionIssued;
import estate.domain.workorders.InspectionPlanEvent.InspectionPlanCreated;
import estate.domain.workorders.InspectionPlanEvent.InspectionPlanRetired;
import estate.domain.workorders.MaintenanceLookup.EstateTerms;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A preventive-maintenance plan (巡检计划) for one facility: due dates follow from the first one and the frequency,
 * and each due date is issued as exactly one inspection round, in order, none skipped and none twice.
 */
public class InspectionPlan {

    @AggregateIdentifier
    private InspectionPlanId planId;
    private EstateId estateId;
    private String facility;
    private Category category;
    private Frequency frequency;
    private LocalDate firstDueDate;
    private List<String> checklist;
    private Priority priority;
    private int issued;
    private boolean retired;

    protected InspectionPlan() {
        // for Axon
    }

    /** The work order of the round due on {@code dueDate}: the same id whoever issues it, however often. */
    public static WorkOrderId roundOrderId(InspectionPlanId planId, LocalDate dueDate) {
        return WorkOrderId.of(planId.value() + ":" + dueDate.format(DateTimeFormatter.BASIC_ISO_DATE));
    }

    @CommandHandler
    public InspectionPlan(CreateInspectionPlan command, MaintenanceLookup lookup) {
        lookup.estate(command.estateId()).orElseThrow(() -> DomainRuleViolation.notFound("unknown-estate",
                "Estate " + command.estateId() + " is not registered"));
        if (new HashSet<>(command.checklist()).size() != command.checklist().size()) {
            throw new DomainRuleViolation("duplicate-check-item", "A checklist names each item once");
        }
        apply(new InspectionPlanCreated(command.planId(), command.estateId(), command.facility(), command.category(),
                command.frequency(), command.firstDueDate(), command.checklist(), command.priority()));
    }

    @CommandHandler
    public void handle(IssueInspection command, MaintenanceLookup lookup) {
        if (retired) {
            throw DomainRuleViolation.conflict("plan-retired", "Inspection plan " + planId + " is retired");
        }
        LocalDate next = frequency.dueDate(firstDueDate, issued);
        if (command.dueDate().isBefore(next)) {
            throw DomainRuleViolation.conflict("inspection-already-issued",
                    "The round due on " + command.dueDate() + " is issued already; the next is due on " + next);
        }
        if (!command.dueDate().equals(next)) {
            throw DomainRuleViolation.conflict("not-next-due-date",
                    "The next round of plan " + planId + " is due on " + next);
        }
        EstateTerms estate = lookup.estate(estateId).orElseThrow(() -> DomainRuleViolation.notFound(
                "unknown-estate", "Estate " + estateId + " is not registered"));
        LocalDate today = command.issuedAt().atZone(estate.zoneId()).toLocalDate();
        if (command.dueDate().isAfter(today)) {
            throw DomainRuleViolation.conflict("inspection-not-due",
                    "The round due on " + command.dueDate() + " cannot be issued on " + today);
        }
        apply(new InspectionIssued(planId, estateId, command.dueDate(), roundOrderId(planId, command.dueDate()),
                facility, category, priority, checklist, frequency.dueDate(firstDueDate, issued + 1),
                command.issuedAt()));
    }

    @CommandHandler
    public void handle(RetireInspectionPlan command) {
        if (!command.estateId().equals(estateId)) {
            throw DomainRuleViolation.notFound("plan-not-found",
                    "Estate " + command.estateId() + " has no inspection plan " + planId);
        }
        if (retired) {
            throw DomainRuleViolation.conflict("plan-retired", "Inspection plan " + planId + " is retired");
        }
        apply(new InspectionPlanRetired(planId, estateId, command.reason(), command.retiredAt()));
    }

    @EventSourcingHandler
    void on(InspectionPlanCreated event) {
        planId = event.planId();
        estateId = event.estateId();
        facility = event.facility();
        category = event.category();
        frequency = event.frequency();
        firstDueDate = event.firstDueDate();
        checklist = List.copyOf(event.checklist());
        priority = event.priority();
    }

    @EventSourcingHandler
    void on(InspectionIssued event) {
        issued++;
    }

    @EventSourcingHandler
    void on(InspectionPlanRetired event) {
        retired = true;
    }
}
