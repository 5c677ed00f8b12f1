package estate.domain.owners;

import estate.domain.shared.Identifier;

public record OwnerAccountId(String value) implements Identifier {
    public OwnerAccountId {
        Identifier.require(value, "OwnerAccountId");
    }

    public static OwnerAccountId of(String value) {
        return new OwnerAccountId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
