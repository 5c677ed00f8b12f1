package estate.domain.owners;

import estate.domain.shared.Identifier;

public record RefundId(String value) implements Identifier {
    public RefundId {
        Identifier.require(value, "RefundId");
    }

    public static RefundId of(String value) {
        return new RefundId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
