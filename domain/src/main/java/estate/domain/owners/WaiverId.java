package estate.domain.owners;

import estate.domain.shared.Identifier;

public record WaiverId(String value) implements Identifier {
    public WaiverId {
        Identifier.require(value, "WaiverId");
    }

    public static WaiverId of(String value) {
        return new WaiverId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
