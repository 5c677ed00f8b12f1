package estate.domain.billing;

import estate.domain.estates.UnitId;
import estate.domain.shared.Identifier;

/** One meter: a unit and the metered fee item it measures (water, electricity). */
public record MeterId(String value) implements Identifier {
    public MeterId {
        Identifier.require(value, "MeterId");
    }

    public static MeterId of(UnitId unitId, String itemCode) {
        return new MeterId("meter:" + unitId.value() + ":" + itemCode);
    }

    @Override
    public String toString() {
        return value;
    }
}
