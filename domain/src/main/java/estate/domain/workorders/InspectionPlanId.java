package estate.domain.workorders;

import estate.domain.shared.Identifier;

public record InspectionPlanId(String value) implements Identifier {
    public InspectionPlanId {
        Identifier.require(value, "InspectionPlanId");
    }

    public static InspectionPlanId of(String value) {
        return new InspectionPlanId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
