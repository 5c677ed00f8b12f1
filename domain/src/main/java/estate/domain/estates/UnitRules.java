package estate.domain.estates;

import estate.domain.shared.DomainRuleViolation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rules a unit's registry data must follow. */
final class UnitRules {

    static final int LOWEST_FLOOR = -5;
    private static final BigDecimal MAX_AREA = new BigDecimal("100000");

    private UnitRules() {
    }

    /**
     * Floor area in m²: positive, at most 100,000 m², at most two decimals (what a title deed states).
     * Returns it at scale 2, so one area has one form in every event.
     */
    static BigDecimal validArea(BigDecimal area) {
        if (area.signum() <= 0 || area.compareTo(MAX_AREA) > 0 || area.stripTrailingZeros().scale() > 2) {
            throw new DomainRuleViolation("invalid-area",
                    "Floor area must be positive, at most 100000 m² and have at most two decimals");
        }
        return area.setScale(2, RoundingMode.UNNECESSARY);
    }
}
