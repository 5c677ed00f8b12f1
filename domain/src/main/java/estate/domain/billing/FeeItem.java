package estate.domain.billing;

import estate.domain.estates.UnitUse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A fee item of an estate's schedule with its rate history. {@code order} decides allocation among charges
 * due the same day (lower first).
 */
public record FeeItem(String code, String name, FeeBasis basis, Set<UnitUse> appliesTo, int order,
                      List<Rate> rates) {

    public FeeItem {
        appliesTo = Set.copyOf(appliesTo);
        rates = rates.stream().sorted(Comparator.comparing(Rate::effectiveFrom)).toList();
    }

    /**
     * A rate effective from a date: per m² per month (AREA), per unit per month (FIXED), per metered unit
     * (METERED). Rates keep up to four decimals (electricity is priced to the 0.0001 CNY/kWh); amounts computed
     * from them are rounded to the fen once, per line.
     */
    public record Rate(LocalDate effectiveFrom, BigDecimal amount, Currency currency) {
    }

    public Optional<Rate> rateOn(LocalDate day) {
        Rate rate = null;
        for (Rate r : rates) {
            if (!r.effectiveFrom().isAfter(day)) {
                rate = r;
            }
        }
        return Optional.ofNullable(rate);
    }

    FeeItem withRate(Rate rate) {
        List<Rate> next = new ArrayList<>(rates.stream().filter(r -> !r.effectiveFrom().equals(rate.effectiveFrom()))
                .toList());
        next.add(rate);
        return new FeeItem(code, name, basis, appliesTo, order, next);
    }
}
