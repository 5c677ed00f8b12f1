package estate.domain.billing;

import estate.domain.estates.EstateId;
import estate.domain.shared.Identifier;

/** The fee schedule of one estate; its id is derived from the estate's so that each estate has exactly one. */
public record FeeScheduleId(String value) implements Identifier {
    public FeeScheduleId {
        Identifier.require(value, "FeeScheduleId");
    }

    public static FeeScheduleId of(EstateId estateId) {
        return new FeeScheduleId("fees:" + estateId.value());
    }

    @Override
    public String toString() {
        return value;
    }
}
