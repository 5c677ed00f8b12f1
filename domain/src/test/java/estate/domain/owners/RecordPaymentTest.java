package estate.domain.owners;

import estate.domain.owners.LedgerLines.Allocation;
import estate.domain.owners.OwnerAccountCommands.RecordPayment;
import estate.domain.owners.OwnerAccountEvent.PaymentAllocated;
import estate.domain.owners.OwnerAccountEvent.PaymentReceived;
import estate.domain.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static estate.domain.owners.OwnerAccountExamples.ACCOUNT;
import static estate.domain.owners.OwnerAccountExamples.ESTATE;
import static estate.domain.owners.OwnerAccountExamples.FLAT;
import static estate.domain.owners.OwnerAccountExamples.NOW;
import static estate.domain.owners.OwnerAccountExamples.TODAY;
import static estate.domain.owners.OwnerAccountExamples.accountClosed;
import static estate.domain.owners.OwnerAccountExamples.accountOpened;
import static estate.domain.owners.OwnerAccountExamples.cny;
import static estate.domain.owners.OwnerAccountExamples.feeCharged;
import static estate.domain.owners.OwnerAccountExamples.paymentReceived;
import static estate.domain.owners.OwnerAccountExamples.fixture;
import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;
import static estate.domain.testing.RuleViolationMatcher.violation;

class RecordPaymentTest {

    private static RecordPayment payment(String paymentId, Money amount, String receiptNumber) {
        return new RecordPayment(ACCOUNT, PaymentId.of(paymentId), amount, PaymentChannel.WECHAT_PAY, receiptNumber,
                NOW);
    }

    @Test
    void recordsAPaymentAndWhereItWent() {
        fixture().given(accountOpened(), feeCharged("C1", "1280.50"))
                .when(payment("P1", cny("1280.50"), "R-001"))
                .expectEvents(paymentReceived("P1", "1280.50", "R-001"),
                        new PaymentAllocated(ACCOUNT, ESTATE, PaymentId.of("P1"),
                                List.of(new Allocation(ChargeId.of("C1"), ChargePart.PRINCIPAL, cny("1280.50"))),
                                cny("0.00"), TODAY));
    }

    @Test
    void recordsAPaymentAheadOfAnyChargeAsCredit() {
        fixture().given(accountOpened())
                .when(payment("P1", cny("500"), "R-001"))
                .expectEvents(paymentReceived("P1", "500.00", "R-001"),
                        new PaymentAllocated(ACCOUNT, ESTATE, PaymentId.of("P1"), List.of(), cny("500.00"), TODAY));
    }

    /** 2026-11-28 17:30 UTC is already 29 November in Shanghai: the ledger counts days in the estate's zone. */
    @Test
    void datesTheAllocationByTheEstatesCalendarDayNotByUtc() {
        Instant lateEveningUtc = Instant.parse("2026-11-28T17:30:00Z");

        fixture().given(accountOpened(), feeCharged("C1", "1280.50"))
                .when(new RecordPayment(ACCOUNT, PaymentId.of("P1"), cny("100.00"), PaymentChannel.WECHAT_PAY, "R-001",
                        lateEveningUtc))
                .expectEvents(new PaymentReceived(ACCOUNT, ESTATE, PaymentId.of("P1"), cny("100.00"),
                                PaymentChannel.WECHAT_PAY, "R-001", lateEveningUtc),
                        new PaymentAllocated(ACCOUNT, ESTATE, PaymentId.of("P1"),
                                List.of(new Allocation(ChargeId.of("C1"), ChargePart.PRINCIPAL, cny("100.00"))),
                                cny("0.00"), LocalDate.of(2026, 11, 29)));
    }

    @Test
    void rejectsAPaymentIdRecordedAlready() {
        fixture().given(accountOpened(), paymentReceived("P1", "500.00", "R-001"))
                .when(payment("P1", cny("500.00"), "R-002"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "duplicate-payment"));
    }

    @Test
    void rejectsAReceiptNumberRecordedAlready() {
        fixture().given(accountOpened(), paymentReceived("P1", "500.00", "R-001"))
                .when(payment("P2", cny("300.00"), "R-001"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "duplicate-receipt"));
    }

    @Test
    void rejectsAZeroAmount() {
        fixture().given(accountOpened())
                .when(payment("P1", cny("0"), "R-001"))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "non-positive-amount"));
    }

    @Test
    void rejectsANegativeAmount() {
        fixture().given(accountOpened())
                .when(payment("P1", cny("-0.01"), "R-001"))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "non-positive-amount"));
    }

    @Test
    void rejectsAnAmountInAnotherCurrencyThanTheAccount() {
        fixture().given(accountOpened())
                .when(payment("P1", Money.of("100.00", "USD"), "R-001"))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "currency-mismatch"));
    }

    @Test
    void rejectsAPaymentOnAClosedAccount() {
        fixture().given(accountOpened(), accountClosed(ACCOUNT, ESTATE, FLAT))
                .when(payment("P1", cny("100.00"), "R-001"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "account-closed"));
    }
}
