package estate.domain.billing;

import estate.domain.billing.FeeScheduleCommands.DefineFeeItem;
import estate.domain.billing.FeeScheduleEvent.CollectionPolicySet;
import estate.domain.billing.FeeScheduleEvent.FeeItemDefined;
import estate.domain.estates.UnitUse;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.Set;

import static estate.domain.billing.BillingExamples.CNY;
import static estate.domain.billing.BillingExamples.ESTATE;
import static estate.domain.billing.BillingExamples.OTHER_ESTATE;
import static estate.domain.billing.BillingExamples.PARKING_FEE;
import static estate.domain.billing.BillingExamples.SCHEDULE;
import static estate.domain.billing.BillingExamples.defaultPolicySet;
import static estate.domain.billing.BillingExamples.definePropertyFee;
import static estate.domain.billing.BillingExamples.propertyFeeDefined;
import static estate.domain.billing.BillingExamples.registryOf;
import static estate.domain.billing.BillingExamples.scheduleFixture;
import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.shared.DomainRuleViolation.Kind.NOT_FOUND;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;
import static estate.domain.testing.RuleViolationMatcher.violation;

/** An estate's fee schedule is created by its first command; items are priced in the estate's currency. */
class DefineFeeItemTest {

    private static final DefineFeeItem DEFINE_PARKING_FEE = new DefineFeeItem(SCHEDULE, ESTATE, PARKING_FEE, "停车费",
            FeeBasis.FIXED, Set.of(UnitUse.PARKING), 30);

    @Test
    void theFirstItemCreatesTheScheduleWithTheDefaultCollectionPolicy() {
        scheduleFixture().givenNoPriorActivity()
                .when(definePropertyFee())
                .expectEvents(defaultPolicySet(), propertyFeeDefined());
    }

    @Test
    void aFurtherItemJoinsTheSchedule() {
        scheduleFixture().given(defaultPolicySet(), propertyFeeDefined())
                .when(DEFINE_PARKING_FEE)
                .expectEvents(new FeeItemDefined(SCHEDULE, ESTATE, PARKING_FEE, "停车费", FeeBasis.FIXED,
                        Set.of(UnitUse.PARKING), 30, CNY));
    }

    @Test
    void aScheduleCreatedByItsPolicyKeepsThatPolicy() {
        CollectionPolicySet ownPolicy = new CollectionPolicySet(SCHEDULE, ESTATE,
                new CollectionPolicy(20, 5, new BigDecimal("0.0003"), new BigDecimal("0.3")));

        scheduleFixture().given(ownPolicy)
                .when(definePropertyFee())
                .expectEvents(propertyFeeDefined());
    }

    @Test
    void itemsArePricedInTheEstatesCurrency() {
        Currency hkd = Currency.getInstance("HKD");

        scheduleFixture(registryOf(Map.of(ESTATE, hkd))).givenNoPriorActivity()
                .when(definePropertyFee())
                .expectEvents(defaultPolicySet(), new FeeItemDefined(SCHEDULE, ESTATE, "PROPERTY_FEE", "物业费",
                        FeeBasis.AREA, Set.of(UnitUse.RESIDENTIAL), 10, hkd));
    }

    @Test
    void rejectsAnItemCodeTheScheduleHasAlready() {
        scheduleFixture().given(defaultPolicySet(), propertyFeeDefined())
                .when(definePropertyFee())
                .expectNoEvents()
                .expectException(violation(CONFLICT, "duplicate-fee-item"));
    }

    @Test
    void rejectsAnEstateThatIsNotRegistered() {
        scheduleFixture(registryOf(Map.of())).givenNoPriorActivity()
                .when(definePropertyFee())
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-estate"));
    }

    @Test
    void rejectsAScheduleIdThatIsNotTheEstates() {
        scheduleFixture(registryOf(Map.of(ESTATE, CNY, OTHER_ESTATE, CNY))).givenNoPriorActivity()
                .when(new DefineFeeItem(FeeScheduleId.of(OTHER_ESTATE), ESTATE, "PROPERTY_FEE", "物业费", FeeBasis.AREA,
                        Set.of(UnitUse.RESIDENTIAL), 10))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "schedule-of-other-estate"));
    }
}
