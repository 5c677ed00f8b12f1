package estate.domain.owners;

import estate.domain.owners.OwnerAccountCommands.MoveOut;
import estate.domain.owners.OwnerAccountCommands.RejectWaiver;
import estate.domain.owners.OwnerAccountEvent.WaiverRejected;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static estate.domain.owners.ChargePart.LATE_FEE;
import static estate.domain.owners.ChargePart.PRINCIPAL;
import static estate.domain.owners.LedgerExamples.DECEMBER_DUE;
import static estate.domain.owners.LedgerExamples.FINANCE_CLERK;
import static estate.domain.owners.LedgerExamples.MANAGER;
import static estate.domain.owners.LedgerExamples.allocated;
import static estate.domain.owners.LedgerExamples.approveWaiver;
import static estate.domain.owners.LedgerExamples.charged;
import static estate.domain.owners.LedgerExamples.feeLine;
import static estate.domain.owners.LedgerExamples.lateFeesAccrued;
import static estate.domain.owners.LedgerExamples.pay;
import static estate.domain.owners.LedgerExamples.principal;
import static estate.domain.owners.LedgerExamples.received;
import static estate.domain.owners.LedgerExamples.requestWaiver;
import static estate.domain.owners.LedgerExamples.waiverApproved;
import static estate.domain.owners.LedgerExamples.waiverRequested;
import static estate.domain.owners.OwnerAccountExamples.ACCOUNT;
import static estate.domain.owners.OwnerAccountExamples.ESTATE;
import static estate.domain.owners.OwnerAccountExamples.FLAT;
import static estate.domain.owners.OwnerAccountExamples.accountClosed;
import static estate.domain.owners.OwnerAccountExamples.accountOpened;
import static estate.domain.owners.OwnerAccountExamples.fixture;
import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.shared.DomainRuleViolation.Kind.NOT_FOUND;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;
import static estate.domain.testing.RuleViolationMatcher.violation;

/** A waiver (减免) of a charge or its late fee: finance asks with a reason, someone else approves or rejects. */
class WaiverTest {

    private static final LocalDate DECIDED_ON = LocalDate.of(2026, 12, 20);

    private static RejectWaiver rejectWaiver(String waiverId) {
        return new RejectWaiver(ACCOUNT, WaiverId.of(waiverId), MANAGER, "The lift was repaired within a day");
    }

    @Test
    void financeRequestsAWaiverOfPartOfACharge() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .when(requestWaiver("W1", "C1", PRINCIPAL, "100.00"))
                .expectEvents(waiverRequested("W1", "C1", PRINCIPAL, "100.00"));
    }

    @Test
    void aManagerApprovesTheWaiver() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE),
                        waiverRequested("W1", "C1", PRINCIPAL, "100.00"))
                .when(approveWaiver("W1", MANAGER, DECIDED_ON))
                .expectEvents(waiverApproved("W1", "C1", PRINCIPAL, "100.00", DECIDED_ON));
    }

    @Test
    void aWaivedAmountIsNoLongerOwed() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE),
                        waiverRequested("W1", "C1", PRINCIPAL, "100.00"),
                        waiverApproved("W1", "C1", PRINCIPAL, "100.00", DECIDED_ON))
                .when(pay("P1", "1000.00", DECIDED_ON))
                .expectEvents(received("P1", "1000.00", DECIDED_ON),
                        allocated("P1", "100.00", DECIDED_ON, principal("C1", "900.00")));
    }

    @Test
    void aPendingWaiverLeavesTheAmountOwed() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE),
                        waiverRequested("W1", "C1", PRINCIPAL, "100.00"))
                .when(pay("P1", "1000.00", DECIDED_ON))
                .expectEvents(received("P1", "1000.00", DECIDED_ON),
                        allocated("P1", "0.00", DECIDED_ON, principal("C1", "1000.00")));
    }

    @Test
    void aWaivedLateFeeLeavesNothingOwed() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE),
                        lateFeesAccrued(DECEMBER_DUE.plusDays(2), feeLine("C1", "1.000000", "1.00")),
                        waiverRequested("W1", "C1", LATE_FEE, "1.00"),
                        waiverApproved("W1", "C1", LATE_FEE, "1.00", DECIDED_ON),
                        received("P1", "1000.00", DECIDED_ON),
                        allocated("P1", "0.00", DECIDED_ON, principal("C1", "1000.00")))
                .when(new MoveOut(ACCOUNT, OwnerAccountExamples.TODAY, "Sold the flat"))
                .expectEvents(accountClosed(ACCOUNT, ESTATE, FLAT));
    }

    @Test
    void aManagerRejectsTheWaiver() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE),
                        waiverRequested("W1", "C1", PRINCIPAL, "100.00"))
                .when(rejectWaiver("W1"))
                .expectEvents(new WaiverRejected(ACCOUNT, ESTATE, WaiverId.of("W1"), MANAGER,
                        "The lift was repaired within a day"));
    }

    @Test
    void aRejectedWaiverNoLongerHoldsBackWhatCanBeWaived() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE),
                        waiverRequested("W1", "C1", PRINCIPAL, "600.00"))
                .andGivenCommands(rejectWaiver("W1"))
                .when(requestWaiver("W2", "C1", PRINCIPAL, "1000.00"))
                .expectEvents(waiverRequested("W2", "C1", PRINCIPAL, "1000.00"));
    }

    @Test
    void nobodyApprovesTheirOwnRequest() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE),
                        waiverRequested("W1", "C1", PRINCIPAL, "100.00"))
                .when(approveWaiver("W1", FINANCE_CLERK, DECIDED_ON))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "four-eyes-required"));
    }

    @Test
    void rejectsARequestAboveWhatIsOutstanding() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE),
                        received("P1", "950.00", DECIDED_ON),
                        allocated("P1", "0.00", DECIDED_ON, principal("C1", "950.00")))
                .when(requestWaiver("W1", "C1", PRINCIPAL, "50.01"))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "waiver-exceeds-outstanding"));
    }

    @Test
    void rejectsARequestAboveWhatPendingWaiversLeave() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE),
                        waiverRequested("W1", "C1", PRINCIPAL, "600.00"))
                .when(requestWaiver("W2", "C1", PRINCIPAL, "400.01"))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "waiver-exceeds-outstanding"));
    }

    @Test
    void rejectsAWaiverOfALateFeeAboveTheLateFeeOutstanding() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE),
                        lateFeesAccrued(DECEMBER_DUE.plusDays(2), feeLine("C1", "1.000000", "1.00")))
                .when(requestWaiver("W1", "C1", LATE_FEE, "1.01"))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "waiver-exceeds-outstanding"));
    }

    @Test
    void rejectsTheApprovalWhenTheChargeWasPaidMeanwhile() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE),
                        waiverRequested("W1", "C1", PRINCIPAL, "100.00"),
                        received("P1", "950.00", DECIDED_ON),
                        allocated("P1", "0.00", DECIDED_ON, principal("C1", "950.00")))
                .when(approveWaiver("W1", MANAGER, DECIDED_ON))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "waiver-exceeds-outstanding"));
    }

    @Test
    void rejectsAWaiverOfAChargeTheAccountDoesNotHave() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .when(requestWaiver("W1", "C-404", PRINCIPAL, "100.00"))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-charge"));
    }

    @Test
    void rejectsAWaiverIdUsedAlready() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE),
                        waiverRequested("W1", "C1", PRINCIPAL, "100.00"))
                .when(requestWaiver("W1", "C1", PRINCIPAL, "50.00"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "duplicate-waiver"));
    }

    @Test
    void rejectsAZeroWaiver() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .when(requestWaiver("W1", "C1", PRINCIPAL, "0.00"))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "non-positive-amount"));
    }

    @Test
    void rejectsApprovingAnUnknownWaiver() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .when(approveWaiver("W1", MANAGER, DECIDED_ON))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-waiver"));
    }

    @Test
    void rejectsRejectingAnUnknownWaiver() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .when(rejectWaiver("W1"))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-waiver"));
    }

    @Test
    void aDecidedWaiverCannotBeDecidedAgain() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE),
                        waiverRequested("W1", "C1", PRINCIPAL, "100.00"),
                        waiverApproved("W1", "C1", PRINCIPAL, "100.00", DECIDED_ON))
                .when(rejectWaiver("W1"))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-waiver"));
    }

    @Test
    void aRejectedWaiverCannotBeApproved() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE),
                        waiverRequested("W1", "C1", PRINCIPAL, "100.00"))
                .andGivenCommands(rejectWaiver("W1"))
                .when(approveWaiver("W1", MANAGER, DECIDED_ON))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-waiver"));
    }
}
