package estate.domain.owners;

import estate.domain.shared.Identifier;

public record InteractionId(String value) implements Identifier {
    public InteractionId {
        Identifier.require(value, "InteractionId");
    }

    public static InteractionId of(String value) {
        return new InteractionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
