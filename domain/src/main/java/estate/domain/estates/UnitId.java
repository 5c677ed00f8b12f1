package estate.domain.estates;

import estate.domain.shared.Identifier;

public record UnitId(String value) implements Identifier {
    public UnitId {
        Identifier.require(value, "UnitId");
    }

    public static UnitId of(String value) {
        return new UnitId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
