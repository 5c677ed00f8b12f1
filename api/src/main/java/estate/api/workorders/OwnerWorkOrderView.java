package estate.api.workorders;

import estate.projections.workorders.WorkOrderView;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A work order as its reporter sees it in the owner app: what they reported, where it stands, when it is due, who
 * comes, the fee of a paid repair and their rating — not the internal costs, escalations or other staff detail.
 */
public record OwnerWorkOrderView(String workOrderId, String unitId, String facility, String category,
                                 String description, List<String> photos, Instant reportedAt, String status,
                                 String priority, boolean paidRepair, String assignee, Instant resolutionDue,
                                 String holdReason, Instant completedAt, String completionSummary, BigDecimal fee,
                                 String currency, Integer rating, String ratingComment, String cancelReason) {

    static OwnerWorkOrderView of(WorkOrderView view) {
        String assignee = view.assigneeStaff() != null ? view.assigneeStaff() : view.assigneeSupplier();
        return new OwnerWorkOrderView(view.workOrderId(), view.unitId(), view.facility(), view.category(),
                view.description(), view.photos(), view.reportedAt(), view.status(), view.priority(),
                view.paidRepair(), assignee, view.resolutionDue(), view.holdReason(), view.completedAt(),
                view.completionSummary(), view.fee(), view.currency(), view.rating(), view.ratingComment(),
                view.cancelReason());
    }
}
