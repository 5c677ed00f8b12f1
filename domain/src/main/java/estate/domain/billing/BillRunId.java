package estate.domain.billing;

import estate.domain.shared.Identifier;

public record BillRunId(String value) implements Identifier {
    public BillRunId {
        Identifier.require(value, "BillRunId");
    }

    @Override
    public String toString() {
        return value;
    }
}
