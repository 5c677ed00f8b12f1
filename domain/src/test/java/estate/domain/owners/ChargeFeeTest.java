package estate.domain.owners;

import estate.domain.estates.UnitId;
import estate.domain.owners.OwnerAccountCommands.ChargeFee;
import estate.domain.owners.OwnerAccountEvent.FeeCharged;
import estate.domain.owners.OwnerAccountEvent.UnitTransferredOut;
import estate.domain.shared.Money;
import org.junit.jupiter.api.Test;

import static estate.domain.owners.OwnerAccountExamples.ACCOUNT;
import static estate.domain.owners.OwnerAccountExamples.DEFAULT_ITEM_ORDER;
import static estate.domain.owners.OwnerAccountExamples.DUE;
import static estate.domain.owners.OwnerAccountExamples.ESTATE;
import static estate.domain.owners.OwnerAccountExamples.FLAT;
import static estate.domain.owners.OwnerAccountExamples.NOVEMBER;
import static estate.domain.owners.OwnerAccountExamples.OTHER_ACCOUNT;
import static estate.domain.owners.OwnerAccountExamples.PARKING_SPACE;
import static estate.domain.owners.OwnerAccountExamples.TODAY;
import static estate.domain.owners.OwnerAccountExamples.accountClosed;
import static estate.domain.owners.OwnerAccountExamples.accountOpened;
import static estate.domain.owners.OwnerAccountExamples.cny;
import static estate.domain.owners.OwnerAccountExamples.feeCharged;
import static estate.domain.owners.OwnerAccountExamples.fixture;
import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;
import static estate.domain.testing.RuleViolationMatcher.violation;

class ChargeFeeTest {

    private static ChargeFee charge(String chargeId, Money amount, UnitId unitId) {
        return new ChargeFee(ACCOUNT, ChargeId.of(chargeId), "property-management", NOVEMBER, amount, DUE, unitId,
                "Property management fee, November");
    }

    @Test
    void chargesAFeeForAUnitOnTheAccount() {
        fixture().given(accountOpened())
                .when(charge("C1", cny("1280.50"), FLAT))
                .expectEvents(new FeeCharged(ACCOUNT, ESTATE, ChargeId.of("C1"), "property-management", NOVEMBER,
                        cny("1280.50"), DUE, FLAT, "Property management fee, November", DEFAULT_ITEM_ORDER));
    }

    @Test
    void chargesAFeeForTheAccountAsAWhole() {
        fixture().given(accountOpened())
                .when(charge("C1", cny("20"), null))
                .expectEvents(new FeeCharged(ACCOUNT, ESTATE, ChargeId.of("C1"), "property-management", NOVEMBER,
                        cny("20.00"), DUE, null, "Property management fee, November", DEFAULT_ITEM_ORDER));
    }

    @Test
    void rejectsAChargeIdUsedAlready() {
        fixture().given(accountOpened(), feeCharged("C1", "1280.50"))
                .when(charge("C1", cny("1280.50"), FLAT))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "duplicate-charge"));
    }

    @Test
    void rejectsAZeroAmount() {
        fixture().given(accountOpened())
                .when(charge("C1", cny("0.00"), FLAT))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "non-positive-amount"));
    }

    @Test
    void rejectsAnAmountThatRoundsToZeroFen() {
        fixture().given(accountOpened())
                .when(charge("C1", cny("0.004"), FLAT))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "non-positive-amount"));
    }

    @Test
    void rejectsANegativeAmount() {
        fixture().given(accountOpened())
                .when(charge("C1", cny("-10.00"), FLAT))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "non-positive-amount"));
    }

    @Test
    void rejectsAnAmountInAnotherCurrencyThanTheAccount() {
        fixture().given(accountOpened())
                .when(charge("C1", Money.of("180.00", "USD"), FLAT))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "currency-mismatch"));
    }

    @Test
    void rejectsAUnitThatIsNotOnTheAccount() {
        fixture().given(accountOpened())
                .when(charge("C1", cny("150.00"), PARKING_SPACE))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "unit-not-on-account"));
    }

    @Test
    void rejectsAUnitTheAccountHasSold() {
        fixture().given(accountOpened(),
                        new UnitTransferredOut(ACCOUNT, ESTATE, FLAT, OTHER_ACCOUNT, TODAY, "Sold"))
                .when(charge("C1", cny("1280.50"), FLAT))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "unit-not-on-account"));
    }

    @Test
    void rejectsAChargeOnAClosedAccount() {
        fixture().given(accountOpened(), accountClosed(ACCOUNT, ESTATE, FLAT))
                .when(charge("C1", cny("1280.50"), null))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "account-closed"));
    }
}
