package estate.domain.owners;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static estate.domain.owners.LedgerExamples.DECEMBER_DUE;
import static estate.domain.owners.LedgerExamples.NOVEMBER_DUE;
import static estate.domain.owners.LedgerExamples.allocated;
import static estate.domain.owners.LedgerExamples.charged;
import static estate.domain.owners.LedgerExamples.creditApplied;
import static estate.domain.owners.LedgerExamples.feeLine;
import static estate.domain.owners.LedgerExamples.from;
import static estate.domain.owners.LedgerExamples.lateFee;
import static estate.domain.owners.LedgerExamples.lateFeesAccrued;
import static estate.domain.owners.LedgerExamples.pay;
import static estate.domain.owners.LedgerExamples.principal;
import static estate.domain.owners.LedgerExamples.received;
import static estate.domain.owners.LedgerExamples.refundApproved;
import static estate.domain.owners.LedgerExamples.refundRequested;
import static estate.domain.owners.LedgerExamples.reverse;
import static estate.domain.owners.LedgerExamples.reversed;
import static estate.domain.owners.OwnerAccountExamples.ACCOUNT;
import static estate.domain.owners.OwnerAccountExamples.ESTATE;
import static estate.domain.owners.OwnerAccountExamples.FLAT;
import static estate.domain.owners.OwnerAccountExamples.accountClosed;
import static estate.domain.owners.OwnerAccountExamples.accountOpened;
import static estate.domain.owners.OwnerAccountExamples.fixture;
import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.shared.DomainRuleViolation.Kind.NOT_FOUND;
import static estate.domain.testing.RuleViolationMatcher.violation;

/** A bounced or mistaken payment is reversed: exactly what it settled is open again and its credit is gone. */
class ReversePaymentTest {

    private static final LocalDate PAID_ON = LocalDate.of(2026, 11, 10);
    private static final LocalDate REVERSED_ON = LocalDate.of(2026, 12, 20);

    @Test
    void reopensExactlyWhatThePaymentSettled() {
        fixture().given(accountOpened(), charged("NOV", "200.00", NOVEMBER_DUE), charged("DEC", "300.00", DECEMBER_DUE),
                        received("P1", "250.00", PAID_ON),
                        allocated("P1", "0.00", PAID_ON, principal("NOV", "200.00"), principal("DEC", "50.00")))
                .when(reverse("P1", REVERSED_ON))
                .expectEvents(reversed("P1", "250.00", "0.00", REVERSED_ON,
                        principal("NOV", "200.00"), principal("DEC", "50.00")));
    }

    @Test
    void reopensTheLateFeeThePaymentSettled() {
        fixture().given(accountOpened(), charged("NOV", "100.00", NOVEMBER_DUE),
                        lateFeesAccrued(NOVEMBER_DUE.plusDays(5), feeLine("NOV", "0.250000", "0.25")),
                        received("P1", "100.25", PAID_ON),
                        allocated("P1", "0.00", PAID_ON, principal("NOV", "100.00"), lateFee("NOV", "0.25")))
                .when(reverse("P1", REVERSED_ON))
                .expectEvents(reversed("P1", "100.25", "0.00", REVERSED_ON,
                        principal("NOV", "100.00"), lateFee("NOV", "0.25")));
    }

    @Test
    void reopensWhatThePaymentsCreditSettledLater() {
        fixture().given(accountOpened(), charged("NOV", "100.00", NOVEMBER_DUE),
                        received("P1", "150.00", PAID_ON), allocated("P1", "50.00", PAID_ON, principal("NOV", "100.00")),
                        charged("DEC", "80.00", DECEMBER_DUE),
                        creditApplied("DEC", "50.00", DECEMBER_DUE, from("P1", "50.00")))
                .when(reverse("P1", REVERSED_ON))
                .expectEvents(reversed("P1", "150.00", "0.00", REVERSED_ON,
                        principal("NOV", "100.00"), principal("DEC", "50.00")));
    }

    @Test
    void removesTheCreditThePaymentStillHolds() {
        fixture().given(accountOpened(), charged("NOV", "100.00", NOVEMBER_DUE),
                        received("P1", "150.00", PAID_ON), allocated("P1", "50.00", PAID_ON, principal("NOV", "100.00")))
                .when(reverse("P1", REVERSED_ON))
                .expectEvents(reversed("P1", "150.00", "50.00", REVERSED_ON, principal("NOV", "100.00")));
    }

    @Test
    void theReopenedChargesAreOwedAgain() {
        fixture().given(accountOpened(), charged("NOV", "200.00", NOVEMBER_DUE), charged("DEC", "300.00", DECEMBER_DUE),
                        received("P1", "250.00", PAID_ON),
                        allocated("P1", "0.00", PAID_ON, principal("NOV", "200.00"), principal("DEC", "50.00")),
                        reversed("P1", "250.00", "0.00", REVERSED_ON, principal("NOV", "200.00"),
                                principal("DEC", "50.00")))
                .when(pay("P2", "500.00", REVERSED_ON))
                .expectEvents(received("P2", "500.00", REVERSED_ON),
                        allocated("P2", "0.00", REVERSED_ON, principal("NOV", "200.00"), principal("DEC", "300.00")));
    }

    @Test
    void aReversedPaymentsCreditIsNotUsedByTheNextCharge() {
        fixture().given(accountOpened(), received("P1", "150.00", PAID_ON), allocated("P1", "150.00", PAID_ON),
                        reversed("P1", "150.00", "150.00", REVERSED_ON))
                .when(LedgerExamples.chargeFee("DEC", "80.00", DECEMBER_DUE))
                .expectEvents(charged("DEC", "80.00", DECEMBER_DUE));
    }

    @Test
    void rejectsReversingAPaymentTwice() {
        fixture().given(accountOpened(), received("P1", "150.00", PAID_ON), allocated("P1", "150.00", PAID_ON),
                        reversed("P1", "150.00", "150.00", REVERSED_ON))
                .when(reverse("P1", REVERSED_ON))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "payment-already-reversed"));
    }

    @Test
    void rejectsAPaymentTheAccountDoesNotHave() {
        fixture().given(accountOpened(), received("P1", "150.00", PAID_ON), allocated("P1", "150.00", PAID_ON))
                .when(reverse("P2", REVERSED_ON))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-payment"));
    }

    @Test
    void rejectsAPaymentPartOfWhoseCreditWasRefunded() {
        fixture().given(accountOpened(), received("P1", "150.00", PAID_ON), allocated("P1", "150.00", PAID_ON),
                        refundRequested("F1", "20.00"), refundApproved("F1", "20.00", PAID_ON, from("P1", "20.00")))
                .when(reverse("P1", REVERSED_ON))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "payment-credit-refunded"));
    }

    @Test
    void rejectsAReversalOnAClosedAccount() {
        fixture().given(accountOpened(), accountClosed(ACCOUNT, ESTATE, FLAT))
                .when(reverse("P1", REVERSED_ON))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "account-closed"));
    }
}
