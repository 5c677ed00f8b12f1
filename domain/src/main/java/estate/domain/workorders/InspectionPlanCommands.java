package estate.domain.workorders;

import estate.domain.estates.EstateId;
import estate.domain.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** Commands on inspection plans (巡检计划). */
public final class InspectionPlanCommands {

    /** Plan ids are short enough that the ids derived from them (rounds, follow-up repairs, charges) stay ids. */
    public static final int MAX_PLAN_ID_LENGTH = 40;

    private InspectionPlanCommands() {
    }

    /** A facility inspected on a schedule (e.g. an elevator monthly, fire equipment quarterly) against a checklist. */
    public record CreateInspectionPlan(@TargetAggregateIdentifier InspectionPlanId planId, EstateId estateId,
                                       String facility, Category category, Frequency frequency,
                                       LocalDate firstDueDate, List<String> checklist, Priority priority) {
        public CreateInspectionPlan {
            Objects.requireNonNull(planId, "planId");
            if (planId.value().length() > MAX_PLAN_ID_LENGTH) {
                throw new IllegalArgumentException("planId must be at most " + MAX_PLAN_ID_LENGTH + " characters");
            }
            Objects.requireNonNull(estateId, "estateId");
            facility = Checks.text(facility, "facility", 200);
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(frequency, "frequency");
            Objects.requireNonNull(firstDueDate, "firstDueDate");
            checklist = Checks.list(checklist, "checklist").stream()
                    .map(item -> Checks.text(item, "checklist item", 200)).toList();
            if (checklist.isEmpty() || checklist.size() > 50) {
                throw new IllegalArgumentException("A checklist has 1 to 50 items");
            }
            Objects.requireNonNull(priority, "priority");
        }
    }

    /**
     * Sent by the inspection scheduler when a plan's next due date has come (in the estate's time zone). Issued once
     * per due date: a second request for the same date is rejected ({@code inspection-already-issued}).
     */
    public record IssueInspection(@TargetAggregateIdentifier InspectionPlanId planId, LocalDate dueDate,
                                  Instant issuedAt) {
        public IssueInspection {
            Objects.requireNonNull(planId, "planId");
            Objects.requireNonNull(dueDate, "dueDate");
            Objects.requireNonNull(issuedAt, "issuedAt");
        }
    }

    /** The plan ends; {@code estateId} is the estate the caller acts for, which must be the plan's. */
    public record RetireInspectionPlan(@TargetAggregateIdentifier InspectionPlanId planId, EstateId estateId,
                                       String reason, Instant retiredAt) {
        public RetireInspectionPlan {
            Objects.requireNonNull(planId, "planId");
            Objects.requireNonNull(estateId, "estateId");
            reason = Checks.text(reason, "reason", 500);
            Objects.requireNonNull(retiredAt, "retiredAt");
        }
    }
}
