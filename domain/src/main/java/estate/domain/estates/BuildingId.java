package estate.domain.estates;

import estate.domain.shared.Identifier;

public record BuildingId(String value) implements Identifier {
    public BuildingId {
        Identifier.require(value, "BuildingId");
    }

    public static BuildingId of(String value) {
        return new BuildingId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
