package estate.domain.owners;

import estate.domain.shared.Identifier;

public record PaymentId(String value) implements Identifier {
    public PaymentId {
        Identifier.require(value, "PaymentId");
    }

    public static PaymentId of(String value) {
        return new PaymentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
