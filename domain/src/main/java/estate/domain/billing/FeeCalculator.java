package estate.domain.billing;

import estate.domain.shared.Money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The arithmetic of one bill line: a fee item for one unit held by one account for part or all of a month.
 * Days are counted inclusively; a month's rate is spread evenly over its days, so a period that straddles a
 * rate change, or a holding that starts or ends within the month, is prorated by days. The exact amount is
 * rounded once, to the currency's minor unit, HALF_EVEN; an account's bill is the sum of its rounded lines.
 */
public final class FeeCalculator {

    private static final MathContext EXACT = MathContext.DECIMAL128;

    private FeeCalculator() {
    }

    /** One metered consumption, priced at the rate in force on the day it was read. */
    public record Consumption(LocalDate readOn, BigDecimal quantity) {
    }

    /** A priced line and how it was computed, for the charge's description. */
    public record Line(Money amount, String basis) {
    }

    /**
     * @param heldFrom first day the account holds the unit (null: before the period)
     * @param heldTo   last day the account holds the unit (null: after the period)
     */
    public static Optional<Line> line(FeeItem item, YearMonth period, BigDecimal floorArea, LocalDate heldFrom,
                                      LocalDate heldTo, List<Consumption> consumptions) {
        LocalDate first = max(period.atDay(1), heldFrom);
        LocalDate last = min(period.atEndOfMonth(), heldTo);
        if (first.isAfter(last)) {
            return Optional.empty();
        }
        return switch (item.basis()) {
            case AREA -> prorated(item, period, first, last, floorArea, floorArea.toPlainString() + " m²");
            case FIXED -> prorated(item, period, first, last, BigDecimal.ONE, "1 unit");
            case METERED -> metered(item, first, last, consumptions);
        };
    }

    private static Optional<Line> prorated(FeeItem item, YearMonth period, LocalDate first, LocalDate last,
                                           BigDecimal quantity, String what) {
        int daysInMonth = period.lengthOfMonth();
        BigDecimal exact = BigDecimal.ZERO;
        FeeItem.Rate anyRate = null;
        List<String> parts = new ArrayList<>();
        LocalDate day = first;
        while (!day.isAfter(last)) {
            Optional<FeeItem.Rate> rate = item.rateOn(day);
            LocalDate segmentEnd = segmentEnd(item, day, last);
            long days = segmentEnd.toEpochDay() - day.toEpochDay() + 1;
            if (rate.isPresent()) {
                anyRate = rate.get();
                exact = exact.add(rate.get().amount().multiply(quantity, EXACT)
                        .multiply(BigDecimal.valueOf(days), EXACT)
                        .divide(BigDecimal.valueOf(daysInMonth), EXACT));
                parts.add(what + " × " + rate.get().amount().toPlainString() + " × " + days + "/" + daysInMonth);
            }
            day = segmentEnd.plusDays(1);
        }
        return rounded(exact, anyRate, parts);
    }

    private static Optional<Line> metered(FeeItem item, LocalDate first, LocalDate last,
                                          List<Consumption> consumptions) {
        BigDecimal exact = BigDecimal.ZERO;
        FeeItem.Rate anyRate = null;
        List<String> parts = new ArrayList<>();
        for (Consumption c : consumptions) {
            if (c.readOn().isBefore(first) || c.readOn().isAfter(last)) {
                continue;
            }
            Optional<FeeItem.Rate> rate = item.rateOn(c.readOn());
            if (rate.isPresent() && c.quantity().signum() > 0) {
                anyRate = rate.get();
                exact = exact.add(rate.get().amount().multiply(c.quantity(), EXACT));
                parts.add(c.quantity().toPlainString() + " × " + rate.get().amount().toPlainString());
            }
        }
        return rounded(exact, anyRate, parts);
    }

    /** The exact amount rounded once to the currency's minor unit, HALF_EVEN; nothing without a rate. */
    private static Optional<Line> rounded(BigDecimal exact, FeeItem.Rate rate, List<String> parts) {
        if (rate == null) {
            return Optional.empty();
        }
        return Optional.of(new Line(new Money(exact.setScale(rate.currency().getDefaultFractionDigits(),
                RoundingMode.HALF_EVEN), rate.currency()), String.join(" + ", parts)));
    }

    /** The last day, from {@code day}, before the item's next rate change, but not after {@code last}. */
    private static LocalDate segmentEnd(FeeItem item, LocalDate day, LocalDate last) {
        LocalDate end = last;
        for (FeeItem.Rate rate : item.rates()) {
            if (rate.effectiveFrom().isAfter(day) && !rate.effectiveFrom().isAfter(last)) {
                LocalDate before = rate.effectiveFrom().minusDays(1);
                if (before.isBefore(end)) {
                    end = before;
                }
            }
        }
        return end;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return b == null || a.isBefore(b) ? a : b;
    }
}
