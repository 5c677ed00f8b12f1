package estate.domain.complaints;

import estate.domain.estates.UnitId;
import estate.domain.shared.Checks;
import estate.domain.shared.Identifier;

/**
 * A repair the resolution needs: a work order with this id (made by the caller) at a unit or a shared facility. The
 * complaint context knows work orders only by id; a process manager opens the order.
 */
public record WorkOrderRequest(String workOrderId, UnitId unitId, String facility, String description) {
    public WorkOrderRequest {
        Identifier.require(workOrderId, "workOrderId");
        facility = Checks.optionalText(facility, "facility", 200);
        if ((unitId == null) == (facility == null)) {
            throw new IllegalArgumentException("A work order is for a unit or a shared facility");
        }
        description = Checks.text(description, "description", 2000);
    }
}
