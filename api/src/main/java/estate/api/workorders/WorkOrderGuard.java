package estate.api.workorders;

import estate.api.errors.ApiException;
import estate.api.security.Caller;
import estate.domain.workorders.WorkOrderId;
import estate.domain.workorders.WorkOrderQueries.FindWorkOrderAccess;
import estate.domain.workorders.WorkOrderQueries.WorkOrderAccess;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.Set;

import static estate.api.security.Caller.MANAGER;
import static estate.api.security.Caller.MAINTENANCE;

/**
 * Decides whether the caller may act on a work order, from the command-side lookup (current as soon as the command
 * that opened the order returned). A role that may never do the thing gets 403; an order outside the caller's
 * estates, or (for an owner) one they did not report, is not found (404), so nothing leaks. Work on an order
 * assigned to a staff member is theirs (or the manager's): another maintenance member gets 403 {@code not-assignee}.
 */
@Component
public class WorkOrderGuard {

    static final Set<String> WORKERS = Set.of(MANAGER, MAINTENANCE);

    private final QueryGateway queries;

    public WorkOrderGuard(QueryGateway queries) {
        this.queries = queries;
    }

    /** Staff in {@code staffRoles} serving the order's estate, or (when {@code reporterAllowed}) the owner who reported it. */
    public WorkOrderAccess order(WorkOrderId workOrderId, Set<String> staffRoles, boolean reporterAllowed) {
        Caller caller = Caller.current();
        boolean staffMayAct = caller.hasAny(staffRoles);
        boolean reporterMayAct = reporterAllowed && caller.isOwner();
        if (!staffMayAct && !reporterMayAct) {
            throw ApiException.forbidden();
        }
        WorkOrderAccess access = queries.query(new FindWorkOrderAccess(workOrderId),
                        ResponseTypes.optionalInstanceOf(WorkOrderAccess.class)).join()
                .orElseThrow(() -> notFound(workOrderId));
        boolean allowed = (staffMayAct && caller.serves(access.estateId().value()))
                || (reporterMayAct && caller.userId().equals(access.reportedBy()));
        if (!allowed) {
            throw notFound(workOrderId);
        }
        return access;
    }

    /**
     * The work itself (accept, start, hold, resume, complete): the manager of the estate, or its maintenance staff
     * when the order is assigned to them or to a supplier (whose steps they record).
     */
    public WorkOrderAccess work(WorkOrderId workOrderId) {
        WorkOrderAccess access = order(workOrderId, WORKERS, false);
        Caller caller = Caller.current();
        if (!caller.hasAny(Set.of(MANAGER)) && access.assigneeStaff() != null
                && !access.assigneeStaff().equals(caller.userId())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "not-assignee",
                    "This work order is assigned to another staff member");
        }
        return access;
    }

    /** Whether the caller acts as the owner who reported the order (not as staff). */
    public boolean actsAsReporter(WorkOrderAccess access, Set<String> staffRoles) {
        Caller caller = Caller.current();
        return !caller.hasAny(staffRoles) && caller.isOwner() && caller.userId().equals(access.reportedBy());
    }

    private static ApiException notFound(WorkOrderId workOrderId) {
        return ApiException.notFound("work-order-not-found", "No work order " + workOrderId);
    }
}
