package estate.projections.workorders;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.List;

/** An inspection plan with its next due date and the last round it issued. */
@Document("inspection_plans")
public record InspectionPlanView(@Id String planId, String estateId, String facility, String category,
                                 String frequency, LocalDate firstDueDate, LocalDate nextDueDate, String priority,
                                 List<String> checklist, String status, int roundsIssued, String lastRoundOrderId,
                                 LocalDate lastRoundDueDate, String retiredReason, long lastSequence) {

    public static final String ACTIVE = "ACTIVE";
    public static final String RETIRED = "RETIRED";
}
