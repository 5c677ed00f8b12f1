package estate.domain.workorders;

import estate.domain.shared.DomainRuleViolation;
import estate.domain.shared.Money;

import java.util.Currency;
import java.util.List;

/** The cost of a job: each material line is quantity × unit cost rounded to the currency (HALF_EVEN), then summed. */
public final class RepairCosts {

    private RepairCosts() {
    }

    public static Money lineCost(Material material) {
        return new Money(material.quantity().multiply(material.unitCost().amount()), material.unitCost().currency());
    }

    /** The materials' total in {@code currency}; a line in another currency or with a negative unit cost is refused. */
    public static Money materialsCost(List<Material> materials, Currency currency) {
        Money total = Money.zero(currency);
        for (Material material : materials) {
            requireNotNegative(material.unitCost(), currency, "unit cost of " + material.name());
            total = total.plus(lineCost(material));
        }
        return total;
    }

    /** An amount that may be zero but not negative, in {@code currency}. */
    public static void requireNotNegative(Money amount, Currency currency, String what) {
        if (!amount.currency().equals(currency)) {
            throw new Money.CurrencyMismatchException(currency, amount.currency());
        }
        if (amount.isNegative()) {
            throw new DomainRuleViolation("negative-amount", "The " + what + " must not be negative");
        }
    }
}
