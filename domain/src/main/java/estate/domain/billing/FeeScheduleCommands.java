package estate.domain.billing;

import estate.domain.estates.EstateId;
import estate.domain.estates.UnitUse;
import estate.domain.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Commands on an estate's fee schedule. */
public final class FeeScheduleCommands {

    private static final Pattern ITEM_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    private FeeScheduleCommands() {
    }

    static String checkItemCode(String code) {
        Objects.requireNonNull(code, "itemCode");
        if (!ITEM_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("itemCode must be 2-32 capitals, digits or '_' (e.g. PROPERTY_FEE)");
        }
        return code;
    }

    public record DefineFeeItem(@TargetAggregateIdentifier FeeScheduleId scheduleId, EstateId estateId,
                                String itemCode, String name, FeeBasis basis, Set<UnitUse> appliesTo, int order) {
        public DefineFeeItem {
            Objects.requireNonNull(scheduleId, "scheduleId");
            Objects.requireNonNull(estateId, "estateId");
            itemCode = checkItemCode(itemCode);
            name = Checks.text(name, "name", 100);
            Objects.requireNonNull(basis, "basis");
            appliesTo = Checks.set(appliesTo, "appliesTo");
            if (appliesTo.isEmpty()) {
                throw new IllegalArgumentException("appliesTo must name at least one unit use");
            }
        }
    }

    /**
     * A new rate for an item from a date on; a period straddling the date is prorated by days. Rates have up to
     * four decimals and are never rounded.
     */
    public record SetFeeRate(@TargetAggregateIdentifier FeeScheduleId scheduleId, String itemCode,
                             LocalDate effectiveFrom, BigDecimal rate, Currency currency, String reason) {
        public SetFeeRate {
            Objects.requireNonNull(scheduleId, "scheduleId");
            itemCode = checkItemCode(itemCode);
            Objects.requireNonNull(effectiveFrom, "effectiveFrom");
            Objects.requireNonNull(rate, "rate");
            Objects.requireNonNull(currency, "currency");
            reason = Checks.text(reason, "reason", 500);
        }
    }

    public record SetCollectionPolicy(@TargetAggregateIdentifier FeeScheduleId scheduleId, EstateId estateId,
                                      CollectionPolicy policy) {
        public SetCollectionPolicy {
            Objects.requireNonNull(scheduleId, "scheduleId");
            Objects.requireNonNull(estateId, "estateId");
            Objects.requireNonNull(policy, "policy");
        }
    }
}
