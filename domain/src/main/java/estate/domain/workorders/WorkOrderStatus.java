package estate.domain.workorders;

import java.util.EnumSet;
import java.util.Set;

/** Where a work order is in its life. CLOSED and CANCELLED are final (a closed order may still be reopened). */
public enum WorkOrderStatus {
    REPORTED, TRIAGED, ASSIGNED, ACCEPTED, IN_PROGRESS, ON_HOLD, COMPLETED, VERIFIED, CLOSED, CANCELLED;

    /** Statuses in which work is still owed: the work queue shows these. */
    public static final Set<WorkOrderStatus> OPEN = EnumSet.of(REPORTED, TRIAGED, ASSIGNED, ACCEPTED, IN_PROGRESS,
            ON_HOLD);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
