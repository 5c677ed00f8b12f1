package estate.domain.owners;

import estate.domain.owners.OwnerAccountCommands.MoveOut;
import estate.domain.owners.OwnerAccountEvent.UnitAcquired;
import org.junit.jupiter.api.Test;

import static estate.domain.owners.OwnerAccountExamples.ACCOUNT;
import static estate.domain.owners.OwnerAccountExamples.ESTATE;
import static estate.domain.owners.OwnerAccountExamples.FLAT;
import static estate.domain.owners.OwnerAccountExamples.MOVE_IN;
import static estate.domain.owners.OwnerAccountExamples.PARKING_SPACE;
import static estate.domain.owners.OwnerAccountExamples.TODAY;
import static estate.domain.owners.OwnerAccountExamples.accountClosed;
import static estate.domain.owners.OwnerAccountExamples.accountOpened;
import static estate.domain.owners.LedgerExamples.allocated;
import static estate.domain.owners.LedgerExamples.feeLine;
import static estate.domain.owners.LedgerExamples.from;
import static estate.domain.owners.LedgerExamples.lateFeesAccrued;
import static estate.domain.owners.LedgerExamples.principal;
import static estate.domain.owners.LedgerExamples.refundApproved;
import static estate.domain.owners.LedgerExamples.refundRequested;
import static estate.domain.owners.OwnerAccountExamples.DUE;
import static estate.domain.owners.OwnerAccountExamples.feeCharged;
import static estate.domain.owners.OwnerAccountExamples.paymentReceived;
import static estate.domain.owners.OwnerAccountExamples.fixture;
import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.testing.RuleViolationMatcher.violation;

class MoveOutTest {

    private static MoveOut moveOut() {
        return new MoveOut(ACCOUNT, TODAY, "Sold the flat");
    }

    @Test
    void closesAnAccountWithNothingOnItsLedgerAndReleasesItsUnits() {
        fixture().given(accountOpened(), new UnitAcquired(ACCOUNT, ESTATE, PARKING_SPACE, MOVE_IN))
                .when(moveOut())
                .expectEvents(accountClosed(ACCOUNT, ESTATE, FLAT, PARKING_SPACE));
    }

    @Test
    void closesAnAccountWhosePaymentsSettleItsCharges() {
        fixture().given(accountOpened(),
                        feeCharged("C1", "1280.50"), feeCharged("C2", "35.00"),
                        paymentReceived("P1", "1000.00", "R-001"),
                        allocated("P1", "0.00", TODAY, principal("C1", "1000.00")),
                        paymentReceived("P2", "315.50", "R-002"),
                        allocated("P2", "0.00", TODAY, principal("C1", "280.50"), principal("C2", "35.00")))
                .when(moveOut())
                .expectEvents(accountClosed(ACCOUNT, ESTATE, FLAT));
    }

    @Test
    void closesAnAccountOnceItsCreditIsRefunded() {
        fixture().given(accountOpened(),
                        feeCharged("C1", "1280.50"),
                        paymentReceived("P1", "1300.00", "R-001"),
                        allocated("P1", "19.50", TODAY, principal("C1", "1280.50")),
                        refundRequested("F1", "19.50"),
                        refundApproved("F1", "19.50", TODAY, from("P1", "19.50")))
                .when(moveOut())
                .expectEvents(accountClosed(ACCOUNT, ESTATE, FLAT));
    }

    @Test
    void rejectsMovingOutWhileTheAccountOwesMoney() {
        fixture().given(accountOpened(), feeCharged("C1", "1280.50"), paymentReceived("P1", "1280.49", "R-001"),
                        allocated("P1", "0.00", TODAY, principal("C1", "1280.49")))
                .when(moveOut())
                .expectNoEvents()
                .expectException(violation(CONFLICT, "balance-outstanding"));
    }

    @Test
    void rejectsMovingOutWhileALateFeeIsUnpaid() {
        fixture().given(accountOpened(), feeCharged("C1", "1280.50"),
                        lateFeesAccrued(DUE.plusDays(1), feeLine("C1", "0.640250", "0.64")),
                        paymentReceived("P1", "1280.50", "R-001"),
                        allocated("P1", "0.00", TODAY, principal("C1", "1280.50")))
                .when(moveOut())
                .expectNoEvents()
                .expectException(violation(CONFLICT, "balance-outstanding"));
    }

    @Test
    void rejectsMovingOutWhileTheAccountHoldsACredit() {
        fixture().given(accountOpened(), feeCharged("C1", "1280.50"), paymentReceived("P1", "1300.00", "R-001"),
                        allocated("P1", "19.50", TODAY, principal("C1", "1280.50")))
                .when(moveOut())
                .expectNoEvents()
                .expectException(violation(CONFLICT, "credit-not-refunded"));
    }

    @Test
    void rejectsASecondMoveOut() {
        fixture().given(accountOpened(), accountClosed(ACCOUNT, ESTATE, FLAT))
                .when(moveOut())
                .expectNoEvents()
                .expectException(violation(CONFLICT, "account-closed"));
    }

    @Test
    void rejectsASecondMoveOutCommand() {
        fixture().given(accountOpened())
                .andGivenCommands(moveOut())
                .when(moveOut())
                .expectNoEvents()
                .expectException(violation(CONFLICT, "account-closed"));
    }
}
