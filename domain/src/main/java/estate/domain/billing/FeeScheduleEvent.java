package estate.domain.billing;

import estate.domain.estates.EstateId;
import estate.domain.estates.UnitUse;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Set;

/** Events of an estate's fee schedule. */
public sealed interface FeeScheduleEvent {

    FeeScheduleId scheduleId();

    EstateId estateId();

    @Revision("1")
    record FeeItemDefined(FeeScheduleId scheduleId, EstateId estateId, String itemCode, String name, FeeBasis basis,
                          Set<UnitUse> appliesTo, int order, Currency currency) implements FeeScheduleEvent {
    }

    @Revision("1")
    record FeeRateSet(FeeScheduleId scheduleId, EstateId estateId, String itemCode, LocalDate effectiveFrom,
                      BigDecimal rate, Currency currency, String reason) implements FeeScheduleEvent {
    }

    @Revision("1")
    record CollectionPolicySet(FeeScheduleId scheduleId, EstateId estateId, CollectionPolicy policy)
            implements FeeScheduleEvent {
    }
}
