package estate.domain.owners;

import estate.domain.estates.UnitId;
import estate.domain.owners.OwnerAccountCommands.ChargeFee;
import estate.domain.owners.OwnerAccountCommands.TransferUnit;
import estate.domain.owners.OwnerAccountEvent.FeeCharged;
import estate.domain.owners.OwnerAccountEvent.UnitTransferredIn;
import estate.domain.owners.OwnerAccountEvent.UnitTransferredOut;
import estate.domain.testing.AggregateScenario;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static estate.domain.owners.OwnerAccountExamples.ACCOUNT;
import static estate.domain.owners.OwnerAccountExamples.DEFAULT_ITEM_ORDER;
import static estate.domain.owners.OwnerAccountExamples.DUE;
import static estate.domain.owners.OwnerAccountExamples.ESTATE;
import static estate.domain.owners.OwnerAccountExamples.FLAT;
import static estate.domain.owners.OwnerAccountExamples.FLAT_IN_OTHER_ESTATE;
import static estate.domain.owners.OwnerAccountExamples.NOVEMBER;
import static estate.domain.owners.OwnerAccountExamples.OTHER_ACCOUNT;
import static estate.domain.owners.OwnerAccountExamples.OTHER_ESTATE;
import static estate.domain.owners.OwnerAccountExamples.PARKING_SPACE;
import static estate.domain.owners.OwnerAccountExamples.SECOND_FLAT;
import static estate.domain.owners.OwnerAccountExamples.accountClosed;
import static estate.domain.owners.OwnerAccountExamples.cny;
import static estate.domain.owners.OwnerAccountExamples.ownerAccountOpened;
import static estate.domain.owners.OwnerAccountExamples.registry;
import static estate.domain.owners.OwnerAccountExamples.tenantAccountOpened;
import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;

/**
 * A1 sells to A2; {@link UnitTransferHandler} loads both accounts from the repository and changes them in one unit
 * of work. This class stays on {@link AggregateScenario} rather than Axon's {@code AggregateTestFixture}, which the
 * other owner-account tests use: the fixture holds one aggregate instance and rejects events of a second
 * ("Writing events for an unexpected aggregate"), while a transfer loads two accounts and stores events of both.
 */
class UnitTransferTest {

    private static final OwnerAccountId SELLER = ACCOUNT;
    private static final OwnerAccountId BUYER = OTHER_ACCOUNT;
    private static final LocalDate TRANSFER_DATE = LocalDate.of(2026, 11, 30);

    private static AggregateScenario<OwnerAccount> scenario() {
        AggregateScenario<OwnerAccount> scenario = AggregateScenario.of(OwnerAccount.class, OwnerAccountEvent.class,
                event -> event.accountId().value()).registerInjectableResource(registry());
        return scenario.registerAnnotatedCommandHandler(new UnitTransferHandler(scenario.getRepository()));
    }

    private static TransferUnit transfer(UnitId unitId) {
        return new TransferUnit(SELLER, unitId, BUYER, TRANSFER_DATE, "Sale contract 2026-118");
    }

    @Test
    void movesTheUnitFromTheSellerToTheBuyer() {
        scenario().given(ownerAccountOpened(SELLER, ESTATE, FLAT, PARKING_SPACE),
                        ownerAccountOpened(BUYER, ESTATE, SECOND_FLAT))
                .when(transfer(FLAT))
                .expectEvents(
                        new UnitTransferredOut(SELLER, ESTATE, FLAT, BUYER, TRANSFER_DATE, "Sale contract 2026-118"),
                        new UnitTransferredIn(BUYER, ESTATE, FLAT, SELLER, TRANSFER_DATE));
    }

    @Test
    void buyerCanBeChargedForTheUnitAfterTheTransfer() {
        ChargeFee chargeBuyer = new ChargeFee(BUYER, ChargeId.of("C1"), "property-management", NOVEMBER,
                cny("1280.50"), DUE, FLAT, null);

        scenario().given(ownerAccountOpened(SELLER, ESTATE, FLAT), ownerAccountOpened(BUYER, ESTATE, SECOND_FLAT))
                .givenCommands(transfer(FLAT))
                .when(chargeBuyer)
                .expectEvents(new FeeCharged(BUYER, ESTATE, ChargeId.of("C1"), "property-management", NOVEMBER,
                        cny("1280.50"), DUE, FLAT, null, DEFAULT_ITEM_ORDER));
    }

    @Test
    void sellerCannotTransferTheSameUnitTwice() {
        scenario().given(ownerAccountOpened(SELLER, ESTATE, FLAT), ownerAccountOpened(BUYER, ESTATE, SECOND_FLAT))
                .givenCommands(transfer(FLAT))
                .when(transfer(FLAT))
                .expectRuleViolation(CONFLICT, "unit-not-on-account");
    }

    @Test
    void rejectsATransferToTheSellingAccountItself() {
        scenario().given(ownerAccountOpened(SELLER, ESTATE, FLAT))
                .when(new TransferUnit(SELLER, FLAT, SELLER, TRANSFER_DATE, "Mistake"))
                .expectRuleViolation(UNPROCESSABLE, "same-account");
    }

    @Test
    void rejectsATenantAccountAsSeller() {
        scenario().given(tenantAccountOpened(SELLER, ESTATE, FLAT), ownerAccountOpened(BUYER, ESTATE, SECOND_FLAT))
                .when(transfer(FLAT))
                .expectRuleViolation(UNPROCESSABLE, "not-an-owner-account");
    }

    @Test
    void rejectsATenantAccountAsBuyer() {
        scenario().given(ownerAccountOpened(SELLER, ESTATE, FLAT), tenantAccountOpened(BUYER, ESTATE, SECOND_FLAT))
                .when(transfer(FLAT))
                .expectRuleViolation(UNPROCESSABLE, "not-an-owner-account");
    }

    @Test
    void rejectsAUnitTheSellerDoesNotHold() {
        scenario().given(ownerAccountOpened(SELLER, ESTATE, FLAT), ownerAccountOpened(BUYER, ESTATE, SECOND_FLAT))
                .when(transfer(PARKING_SPACE))
                .expectRuleViolation(CONFLICT, "unit-not-on-account");
    }

    @Test
    void rejectsABuyerInAnotherEstate() {
        scenario().given(ownerAccountOpened(SELLER, ESTATE, FLAT),
                        ownerAccountOpened(BUYER, OTHER_ESTATE, FLAT_IN_OTHER_ESTATE))
                .when(transfer(FLAT))
                .expectRuleViolation(UNPROCESSABLE, "different-estate");
    }

    @Test
    void rejectsAClosedSellingAccount() {
        scenario().given(ownerAccountOpened(SELLER, ESTATE, FLAT), accountClosed(SELLER, ESTATE, FLAT),
                        ownerAccountOpened(BUYER, ESTATE, SECOND_FLAT))
                .when(transfer(FLAT))
                .expectRuleViolation(CONFLICT, "account-closed");
    }

    @Test
    void rejectsAClosedBuyingAccount() {
        scenario().given(ownerAccountOpened(SELLER, ESTATE, FLAT), ownerAccountOpened(BUYER, ESTATE, SECOND_FLAT),
                        accountClosed(BUYER, ESTATE, SECOND_FLAT))
                .when(transfer(FLAT))
                .expectRuleViolation(CONFLICT, "account-closed");
    }
}
