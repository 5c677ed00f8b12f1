package estate.domain.workorders;

import estate.domain.shared.Identifier;

public record WorkOrderId(String value) implements Identifier {
    public WorkOrderId {
        Identifier.require(value, "WorkOrderId");
    }

    public static WorkOrderId of(String value) {
        return new WorkOrderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
