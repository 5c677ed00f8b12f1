package estate.domain.owners;

import estate.domain.shared.Identifier;

public record ChargeId(String value) implements Identifier {
    public ChargeId {
        Identifier.require(value, "ChargeId");
    }

    public static ChargeId of(String value) {
        return new ChargeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
