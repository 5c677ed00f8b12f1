package estate.domain.workorders;

import estate.domain.estates.EstateId;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;

/** Queries about work orders. Answers come from read models, except {@link FindWorkOrderAccess}. */
public final class WorkOrderQueries {

    private WorkOrderQueries() {
    }

    public record GetWorkOrder(WorkOrderId workOrderId) {
        public GetWorkOrder {
            Objects.requireNonNull(workOrderId, "workOrderId");
        }
    }

    /** The repair record: every step with who and when. */
    public record GetWorkOrderHistory(WorkOrderId workOrderId) {
        public GetWorkOrderHistory {
            Objects.requireNonNull(workOrderId, "workOrderId");
        }
    }

    /**
     * Open orders of an estate by priority and nearest deadline, optionally of one assignee (a staff member's user id),
     * one status or one priority. With a status that is not open, the orders in that status.
     */
    public record FindWorkQueue(EstateId estateId, String assignee, WorkOrderStatus status, Priority priority) {
        public FindWorkQueue {
            Objects.requireNonNull(estateId, "estateId");
        }
    }

    /** The orders an owner-app user reported: what the owner sees. */
    public record FindWorkOrdersReportedBy(String reportedBy) {
        public FindWorkOrdersReportedBy {
            Objects.requireNonNull(reportedBy, "reportedBy");
        }
    }

    /** How much work is owed in an estate at {@code now}: the counts a dashboard shows. */
    public record CountOpenWorkOrders(EstateId estateId, Instant now) {
        public CountOpenWorkOrders {
            Objects.requireNonNull(estateId, "estateId");
            Objects.requireNonNull(now, "now");
        }
    }

    /** The estate manager's escalation queue; {@code openOnly}: not yet acknowledged. */
    public record FindEscalations(EstateId estateId, boolean openOnly) {
        public FindEscalations {
            Objects.requireNonNull(estateId, "estateId");
        }
    }

    public record GetRecurringProblems(EstateId estateId, YearMonth from, YearMonth to) {
        public GetRecurringProblems {
            Objects.requireNonNull(estateId, "estateId");
            requireRange(from, to);
        }
    }

    public record GetMaintenanceCost(EstateId estateId, int year) {
        public GetMaintenanceCost {
            Objects.requireNonNull(estateId, "estateId");
        }
    }

    public record GetSlaReport(EstateId estateId, YearMonth from, YearMonth to) {
        public GetSlaReport {
            Objects.requireNonNull(estateId, "estateId");
            requireRange(from, to);
        }
    }

    public record FindInspectionPlans(EstateId estateId) {
        public FindInspectionPlans {
            Objects.requireNonNull(estateId, "estateId");
        }
    }

    /** The estate's service terms as the commands see them (the defaults when it has set none). */
    public record GetServiceTerms(EstateId estateId) {
        public GetServiceTerms {
            Objects.requireNonNull(estateId, "estateId");
        }
    }

    /**
     * Which estate a work order belongs to, who reported it and who it is assigned to: answered from the
     * command-side lookup, so that it is current the moment a command returns.
     */
    public record FindWorkOrderAccess(WorkOrderId workOrderId) {
        public FindWorkOrderAccess {
            Objects.requireNonNull(workOrderId, "workOrderId");
        }
    }

    /** Answer to {@link FindWorkOrderAccess}; {@code assigneeStaff} is null for a supplier or before dispatch. */
    public record WorkOrderAccess(WorkOrderId workOrderId, EstateId estateId, String reportedBy,
                                  String assigneeStaff, boolean assigned) {
    }

    private static void requireRange(YearMonth from, YearMonth to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from) || from.plusYears(5).isBefore(to)) {
            throw new IllegalArgumentException("from must not be after to, and the range at most five years");
        }
    }
}
