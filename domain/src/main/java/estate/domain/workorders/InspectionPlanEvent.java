package estate.domain.workorders;

import estate.domain.estates.EstateId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Events of an inspection plan. Released events are never renamed or moved: add a revision and an upcaster.
 */
public sealed interface InspectionPlanEvent {

    InspectionPlanId planId();

    EstateId estateId();

    @Revision("1")
    record InspectionPlanCreated(InspectionPlanId planId, EstateId estateId, String facility, Category category,
                                 Frequency frequency, LocalDate firstDueDate, List<String> checklist,
                                 Priority priority) implements InspectionPlanEvent {
    }

    /**
     * The round due on {@code dueDate} is issued as work order {@code workOrderId} (derived from plan and date), with
     * what it needs to open; {@code nextDueDate} is the one after.
     */
    @Revision("1")
    record InspectionIssued(InspectionPlanId planId, EstateId estateId, LocalDate dueDate, WorkOrderId workOrderId,
                            String facility, Category category, Priority priority, List<String> checklist,
                            LocalDate nextDueDate, Instant issuedAt) implements InspectionPlanEvent {
    }

    @Revision("1")
    record InspectionPlanRetired(InspectionPlanId planId, EstateId estateId, String reason, Instant retiredAt)
            implements InspectionPlanEvent {
    }
}
