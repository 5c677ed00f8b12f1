package estate.domain.complaints;

import estate.domain.shared.Identifier;

public record ComplaintId(String value) implements Identifier {
    public ComplaintId {
        Identifier.require(value, "ComplaintId");
    }

    public static ComplaintId of(String value) {
        return new ComplaintId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
