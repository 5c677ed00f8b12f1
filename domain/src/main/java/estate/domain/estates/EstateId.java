package estate.domain.estates;

import estate.domain.shared.Identifier;

public record EstateId(String value) implements Identifier {
    public EstateId {
        Identifier.require(value, "EstateId");
    }

    public static EstateId of(String value) {
        return new EstateId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
