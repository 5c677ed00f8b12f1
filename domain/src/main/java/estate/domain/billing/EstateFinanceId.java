package estate.domain.billing;

import estate.domain.estates.EstateId;
import estate.domain.shared.Identifier;

/** The finance book of one estate: its budgets and the reports published to its owners. */
public record EstateFinanceId(String value) implements Identifier {
    public EstateFinanceId {
        Identifier.require(value, "EstateFinanceId");
    }

    public static EstateFinanceId of(EstateId estateId) {
        return new EstateFinanceId("finance:" + estateId.value());
    }

    @Override
    public String toString() {
        return value;
    }
}
