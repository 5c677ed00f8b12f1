package estate.projections.workorders;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A work order as it stands: what, where, who, its deadlines and its outcome. The work queues and the owner's list
 * are queries over these. {@code nextDeadline} is the deadline that runs now (response until accepted, then
 * resolution; none while a hold stops the clock or once the work is done). {@code openEstateId} is the estate while
 * the status is open, else null ({@link estate.projections.support.OpenEstateIndex}). Amounts are Decimal128.
 */
@Document("work_orders")
public record WorkOrderView(@Id String workOrderId, String estateId, String source, String unitId, String facility,
                            String locationLabel, String category, String description, List<String> photos,
                            String reporterAccountId, String reportedBy, Instant reportedAt,
                            String linkedInspectionId, String planId, LocalDate inspectionDueDate,
                            List<String> checklist, String status, String priority, int priorityRank,
                            boolean paidRepair, String assigneeStaff, String assigneeContractId,
                            String assigneeSupplier, Instant responseDue, Instant resolutionDue, boolean responseMet,
                            Instant nextDeadline, boolean slaPaused, String holdReason, List<String> breaches,
                            int escalations, Instant acceptedAt, Instant startedAt, Instant completedAt,
                            String completionSummary, BigDecimal labourHours, BigDecimal labourCost,
                            BigDecimal materialsCost, BigDecimal fee, String currency, List<CheckLine> checkResults,
                            List<String> followUpOrderIds, String chargeStatus, String chargeId, String chargeFailure,
                            Integer rating, String ratingComment, Instant verifiedAt, Instant closedAt,
                            String cancelReason, Instant cancelledAt, int reopenCount, String openEstateId,
                            long lastSequence) {

    /** Orders not yet triaged rank with emergencies: somebody has to look at them first. */
    public static final int UNTRIAGED_RANK = 0;

    public record CheckLine(String item, boolean passed, String note) {
    }
}
