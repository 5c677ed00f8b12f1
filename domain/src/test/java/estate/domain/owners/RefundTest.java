package estate.domain.owners;

import estate.domain.owners.OwnerAccountCommands.RejectRefund;
import estate.domain.owners.OwnerAccountEvent.RefundRejected;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static estate.domain.owners.LedgerExamples.DECEMBER_DUE;
import static estate.domain.owners.LedgerExamples.FINANCE_CLERK;
import static estate.domain.owners.LedgerExamples.MANAGER;
import static estate.domain.owners.LedgerExamples.NOVEMBER_DUE;
import static estate.domain.owners.LedgerExamples.allocated;
import static estate.domain.owners.LedgerExamples.approveRefund;
import static estate.domain.owners.LedgerExamples.chargeFee;
import static estate.domain.owners.LedgerExamples.charged;
import static estate.domain.owners.LedgerExamples.creditApplied;
import static estate.domain.owners.LedgerExamples.from;
import static estate.domain.owners.LedgerExamples.principal;
import static estate.domain.owners.LedgerExamples.received;
import static estate.domain.owners.LedgerExamples.refundApproved;
import static estate.domain.owners.LedgerExamples.refundRequested;
import static estate.domain.owners.LedgerExamples.requestRefund;
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

/** A refund of prepaid credit: finance asks, someone else approves or rejects; the oldest credit goes first. */
class RefundTest {

    private static final LocalDate PAID_ON = LocalDate.of(2026, 11, 10);
    private static final LocalDate DECIDED_ON = LocalDate.of(2026, 11, 20);

    /** The account, a charge of 1000.00 and a payment of 1200.00 that leaves 200.00 of credit from P1. */
    private static Object[] creditOf200FromP1() {
        return new Object[] {accountOpened(), charged("NOV", "1000.00", NOVEMBER_DUE), received("P1", "1200.00", PAID_ON),
                allocated("P1", "200.00", PAID_ON, principal("NOV", "1000.00"))};
    }

    private static RejectRefund rejectRefund(String refundId) {
        return new RejectRefund(ACCOUNT, RefundId.of(refundId), MANAGER, "Keep it for next month's fee");
    }

    @Test
    void financeRequestsARefundOfCredit() {
        fixture().given(creditOf200FromP1())
                .when(requestRefund("F1", "150.00"))
                .expectEvents(refundRequested("F1", "150.00"));
    }

    @Test
    void aManagerApprovesTheRefundFromTheOldestCreditFirst() {
        fixture().given(creditOf200FromP1())
                .andGiven(received("P2", "100.00", PAID_ON), allocated("P2", "100.00", PAID_ON),
                        refundRequested("F1", "250.00"))
                .when(approveRefund("F1", MANAGER, DECIDED_ON))
                .expectEvents(refundApproved("F1", "250.00", DECIDED_ON, from("P1", "200.00"), from("P2", "50.00")));
    }

    @Test
    void aRefundedCreditIsNoLongerUsedByTheNextCharge() {
        fixture().given(creditOf200FromP1())
                .andGiven(refundRequested("F1", "200.00"), refundApproved("F1", "200.00", DECIDED_ON, from("P1", "200.00")))
                .when(chargeFee("DEC", "300.00", DECEMBER_DUE))
                .expectEvents(charged("DEC", "300.00", DECEMBER_DUE));
    }

    @Test
    void aPendingRefundLeavesTheCreditInUse() {
        fixture().given(creditOf200FromP1())
                .andGiven(refundRequested("F1", "150.00"))
                .when(chargeFee("DEC", "300.00", DECEMBER_DUE))
                .expectEvents(charged("DEC", "300.00", DECEMBER_DUE),
                        creditApplied("DEC", "200.00", DECEMBER_DUE, from("P1", "200.00")));
    }

    @Test
    void aManagerRejectsTheRefund() {
        fixture().given(creditOf200FromP1())
                .andGiven(refundRequested("F1", "150.00"))
                .when(rejectRefund("F1"))
                .expectEvents(new RefundRejected(ACCOUNT, ESTATE, RefundId.of("F1"), MANAGER,
                        "Keep it for next month's fee"));
    }

    @Test
    void aRejectedRefundNoLongerHoldsBackTheCredit() {
        fixture().given(creditOf200FromP1())
                .andGiven(refundRequested("F1", "150.00"))
                .andGivenCommands(rejectRefund("F1"))
                .when(requestRefund("F2", "200.00"))
                .expectEvents(refundRequested("F2", "200.00"));
    }

    @Test
    void nobodyApprovesTheirOwnRequest() {
        fixture().given(creditOf200FromP1())
                .andGiven(refundRequested("F1", "150.00"))
                .when(approveRefund("F1", FINANCE_CLERK, DECIDED_ON))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "four-eyes-required"));
    }

    @Test
    void rejectsARequestAboveTheCredit() {
        fixture().given(creditOf200FromP1())
                .when(requestRefund("F1", "200.01"))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "refund-exceeds-credit"));
    }

    @Test
    void rejectsARequestAboveWhatPendingRefundsLeave() {
        fixture().given(creditOf200FromP1())
                .andGiven(refundRequested("F1", "150.00"))
                .when(requestRefund("F2", "50.01"))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "refund-exceeds-credit"));
    }

    @Test
    void rejectsTheApprovalWhenAChargeUsedTheCreditMeanwhile() {
        fixture().given(creditOf200FromP1())
                .andGiven(refundRequested("F1", "150.00"), charged("DEC", "100.00", DECEMBER_DUE),
                        creditApplied("DEC", "100.00", DECEMBER_DUE, from("P1", "100.00")))
                .when(approveRefund("F1", MANAGER, DECIDED_ON))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "refund-exceeds-credit"));
    }

    @Test
    void rejectsARefundIdUsedAlready() {
        fixture().given(creditOf200FromP1())
                .andGiven(refundRequested("F1", "50.00"))
                .when(requestRefund("F1", "50.00"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "duplicate-refund"));
    }

    @Test
    void rejectsApprovingAnUnknownRefund() {
        fixture().given(creditOf200FromP1())
                .when(approveRefund("F1", MANAGER, DECIDED_ON))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-refund"));
    }

    @Test
    void rejectsRejectingAnUnknownRefund() {
        fixture().given(creditOf200FromP1())
                .when(rejectRefund("F1"))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-refund"));
    }

    @Test
    void anApprovedRefundCannotBeApprovedAgain() {
        fixture().given(creditOf200FromP1())
                .andGiven(refundRequested("F1", "50.00"), refundApproved("F1", "50.00", DECIDED_ON, from("P1", "50.00")))
                .when(approveRefund("F1", "manager.qian", DECIDED_ON))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-refund"));
    }

    @Test
    void rejectsARefundRequestOnAClosedAccount() {
        fixture().given(accountOpened(), accountClosed(ACCOUNT, ESTATE, FLAT))
                .when(requestRefund("F1", "10.00"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "account-closed"));
    }
}
