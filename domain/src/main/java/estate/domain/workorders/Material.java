package estate.domain.workorders;

import estate.domain.shared.Checks;
import estate.domain.shared.Money;

import java.math.BigDecimal;
import java.util.Objects;

/** Material used on a job: what, how much (up to three decimals, e.g. 2.5 m of cable), at what unit cost. */
public record Material(String name, BigDecimal quantity, Money unitCost) {

    public Material {
        name = Checks.text(name, "name", 200);
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unitCost, "unitCost");
        if (quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > 3) {
            throw new IllegalArgumentException("quantity must be positive with at most three decimals");
        }
        quantity = quantity.stripTrailingZeros().scale() < 0 ? quantity.setScale(0) : quantity.stripTrailingZeros();
    }
}
