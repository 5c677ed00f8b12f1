package estate.domain.owners;

import estate.domain.shared.Identifier;

public record ConcernId(String value) implements Identifier {
    public ConcernId {
        Identifier.require(value, "ConcernId");
    }

    public static ConcernId of(String value) {
        return new ConcernId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
