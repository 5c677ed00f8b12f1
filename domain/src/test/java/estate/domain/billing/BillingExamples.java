package estate.domain.billing;

import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;
import estate.domain.estates.UnitUse;
import estate.domain.owners.HolderType;
import estate.domain.owners.OwnerAccountId;
import estate.domain.owners.UnitRegistry;
import estate.domain.shared.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The estate, schedule, items and meter the billing tests share. */
final class BillingExamples {

    static final EstateId ESTATE = EstateId.of("E1");
    static final EstateId OTHER_ESTATE = EstateId.of("E2");
    static final FeeScheduleId SCHEDULE = FeeScheduleId.of(ESTATE);
    static final UnitId FLAT = UnitId.of("U-101");
    static final Currency CNY = Currency.getInstance("CNY");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String PROPERTY_FEE = "PROPERTY_FEE";
    static final String PARKING_FEE = "PARKING_FEE";
    static final String WATER = "WATER";

    private BillingExamples() {
    }

    static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    /** Estate E1 keeps its books in CNY and has unit U-101; no other estate is registered. */
    static UnitRegistry registry() {
        return registryOf(Map.of(ESTATE, CNY), Map.of(FLAT, ESTATE));
    }

    static UnitRegistry registryOf(Map<EstateId, Currency> estates) {
        return registryOf(estates, Map.of());
    }

    /** A registry of estates and their units; nobody holds a unit (fee schedules and meters do not ask). */
    static UnitRegistry registryOf(Map<EstateId, Currency> estates, Map<UnitId, EstateId> units) {
        return new UnitRegistry() {
            @Override
            public Optional<EstateTerms> estate(EstateId estateId) {
                return Optional.ofNullable(estates.get(estateId))
                        .map(currency -> new EstateTerms(estateId, currency, SHANGHAI));
            }

            @Override
            public Optional<EstateId> estateOfUnit(UnitId unitId) {
                return Optional.ofNullable(units.get(unitId));
            }

            @Override
            public Optional<OwnerAccountId> holder(UnitId unitId, HolderType holderType) {
                return Optional.empty();
            }
        };
    }

    static AggregateTestFixture<FeeSchedule> scheduleFixture() {
        return scheduleFixture(registry());
    }

    static AggregateTestFixture<FeeSchedule> scheduleFixture(UnitRegistry registry) {
        AggregateTestFixture<FeeSchedule> fixture = new AggregateTestFixture<>(FeeSchedule.class);
        fixture.registerInjectableResource(registry);
        return fixture;
    }

    /** 物业费: per m² of floor area per month, for homes; settled first among charges due the same day. */
    static FeeScheduleCommands.DefineFeeItem definePropertyFee() {
        return new FeeScheduleCommands.DefineFeeItem(SCHEDULE, ESTATE, PROPERTY_FEE, "物业费", FeeBasis.AREA,
                Set.of(UnitUse.RESIDENTIAL), 10);
    }

    static FeeScheduleEvent.FeeItemDefined propertyFeeDefined() {
        return new FeeScheduleEvent.FeeItemDefined(SCHEDULE, ESTATE, PROPERTY_FEE, "物业费", FeeBasis.AREA,
                Set.of(UnitUse.RESIDENTIAL), 10, CNY);
    }

    static FeeScheduleEvent.CollectionPolicySet defaultPolicySet() {
        return new FeeScheduleEvent.CollectionPolicySet(SCHEDULE, ESTATE, CollectionPolicy.DEFAULT);
    }

    /** A rate in CNY, kept exactly as written (up to four decimals, never rounded to the fen). */
    static FeeItem.Rate rate(String effectiveFrom, String amount) {
        return new FeeItem.Rate(LocalDate.parse(effectiveFrom), decimal(amount), CNY);
    }

    static BigDecimal decimal(String value) {
        return new BigDecimal(value);
    }
}
