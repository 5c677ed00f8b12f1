package estate.domain.owners;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static estate.domain.owners.ChargePart.LATE_FEE;
import static estate.domain.owners.ChargePart.PRINCIPAL;
import static estate.domain.owners.LedgerExamples.DECEMBER_DUE;
import static estate.domain.owners.LedgerExamples.HALF_PER_MILLE_A_DAY;
import static estate.domain.owners.LedgerExamples.MANAGER;
import static estate.domain.owners.LedgerExamples.allocated;
import static estate.domain.owners.LedgerExamples.approveRefund;
import static estate.domain.owners.LedgerExamples.approveWaiver;
import static estate.domain.owners.LedgerExamples.assess;
import static estate.domain.owners.LedgerExamples.charged;
import static estate.domain.owners.LedgerExamples.chargeFee;
import static estate.domain.owners.LedgerExamples.creditApplied;
import static estate.domain.owners.LedgerExamples.feeLine;
import static estate.domain.owners.LedgerExamples.from;
import static estate.domain.owners.LedgerExamples.lateFeesAccrued;
import static estate.domain.owners.LedgerExamples.overdue;
import static estate.domain.owners.LedgerExamples.pay;
import static estate.domain.owners.LedgerExamples.principal;
import static estate.domain.owners.LedgerExamples.received;
import static estate.domain.owners.LedgerExamples.refundApproved;
import static estate.domain.owners.LedgerExamples.refundRequested;
import static estate.domain.owners.LedgerExamples.requestWaiver;
import static estate.domain.owners.LedgerExamples.reverse;
import static estate.domain.owners.LedgerExamples.reversed;
import static estate.domain.owners.LedgerExamples.waiverApproved;
import static estate.domain.owners.LedgerExamples.waiverRequested;
import static estate.domain.owners.OwnerAccountExamples.accountOpened;
import static estate.domain.owners.OwnerAccountExamples.registry;

/**
 * The fixture's check for state changed outside event-sourcing handlers, with nothing ignored: the aggregate a
 * command changed must equal, field by field and map entry by map entry, the one sourced from its events. It
 * holds only because the ledger's charges (with their movements), payments (with their settlements), waivers
 * and refunds compare by value; each test below touches one of those maps.
 */
class LedgerIllegalStateCheckTest {

    private static final LocalDate PAID_ON = LocalDate.of(2026, 11, 10);
    private static final LocalDate LATER = LocalDate.of(2026, 12, 20);

    /** A fixture that ignores no field of the aggregate. */
    private static AggregateTestFixture<OwnerAccount> strictFixture() {
        AggregateTestFixture<OwnerAccount> fixture = new AggregateTestFixture<>(OwnerAccount.class);
        fixture.registerInjectableResource(registry());
        return fixture;
    }

    @Test
    void aChargeSourcedFromItsEventEqualsTheChargeTheCommandMade() {
        strictFixture().given(accountOpened())
                .when(chargeFee("C1", "100.00", DECEMBER_DUE))
                .expectEvents(charged("C1", "100.00", DECEMBER_DUE));
    }

    @Test
    void aPaymentWithItsSettlementsAndTheChargesMovementsCompareByValue() {
        strictFixture().given(accountOpened(), charged("C1", "100.00", DECEMBER_DUE))
                .when(pay("P1", "150.00", PAID_ON))
                .expectEvents(received("P1", "150.00", PAID_ON),
                        allocated("P1", "50.00", PAID_ON, principal("C1", "100.00")));
    }

    @Test
    void creditAppliedToANewChargeComparesByValue() {
        strictFixture().given(accountOpened(), received("P1", "150.00", PAID_ON), allocated("P1", "150.00", PAID_ON))
                .when(chargeFee("C1", "100.00", DECEMBER_DUE))
                .expectEvents(charged("C1", "100.00", DECEMBER_DUE),
                        creditApplied("C1", "100.00", DECEMBER_DUE, from("P1", "100.00")));
    }

    /**
     * 0.50 of late fee for day 1; the payment of day 2 settles the principal, P2's credit the late fee, dated the
     * day after the run.
     */
    @Test
    void aLateFeeRunAndTheCreditItUsesCompareByValue() {
        LocalDate dayTwo = DECEMBER_DUE.plusDays(2);
        strictFixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE),
                        received("P1", "1000.00", dayTwo), allocated("P1", "0.00", dayTwo, principal("C1", "1000.00")),
                        received("P2", "10.00", dayTwo), allocated("P2", "10.00", dayTwo))
                .when(assess(dayTwo, HALF_PER_MILLE_A_DAY))
                .expectEvents(overdue("C1", DECEMBER_DUE, "1000.00", DECEMBER_DUE.plusDays(1)),
                        lateFeesAccrued(dayTwo, feeLine("C1", "0.500000", "0.50")),
                        creditApplied("C1", LATE_FEE, "0.50", dayTwo.plusDays(1), from("P2", "0.50")));
    }

    /** A payment naming one charge and spilling over to another: both charges' movements compare by value. */
    @Test
    void aNamedPaymentThatSpillsOverToAnotherChargeComparesByValue() {
        strictFixture().given(accountOpened(), charged("C1", "100.00", DECEMBER_DUE), charged("C2", "100.00", LATER))
                .when(pay("P1", "150.00", PAID_ON, "C2"))
                .expectEvents(received("P1", "150.00", PAID_ON),
                        allocated("P1", "0.00", PAID_ON, principal("C2", "100.00"), principal("C1", "50.00")));
    }

    /** A late-fee correction held at what a waiver already settled of the late fee compares by value. */
    @Test
    void aCorrectionHeldAtWhatIsSettledComparesByValue() {
        strictFixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE),
                        lateFeesAccrued(DECEMBER_DUE.plusDays(5), feeLine("C1", "2.500000", "2.50")),
                        waiverRequested("W1", "C1", LATE_FEE, "2.50"),
                        waiverApproved("W1", "C1", LATE_FEE, "2.50", DECEMBER_DUE.plusDays(5)),
                        received("P1", "1000.00", DECEMBER_DUE),
                        allocated("P1", "0.00", DECEMBER_DUE, principal("C1", "1000.00")))
                .when(assess(DECEMBER_DUE.plusDays(6), HALF_PER_MILLE_A_DAY))
                .expectEvents(lateFeesAccrued(DECEMBER_DUE.plusDays(6), feeLine("C1", "0", "0.00")));
    }

    @Test
    void aReversalComparesByValue() {
        strictFixture().given(accountOpened(), charged("C1", "100.00", DECEMBER_DUE),
                        received("P1", "100.00", PAID_ON), allocated("P1", "0.00", PAID_ON, principal("C1", "100.00")))
                .when(reverse("P1", LATER))
                .expectEvents(reversed("P1", "100.00", "0.00", LATER, principal("C1", "100.00")));
    }

    @Test
    void aWaiverComparesByValue() {
        strictFixture().given(accountOpened(), charged("C1", "100.00", DECEMBER_DUE),
                        waiverRequested("W1", "C1", PRINCIPAL, "10.00"))
                .when(approveWaiver("W1", MANAGER, LATER))
                .expectEvents(waiverApproved("W1", "C1", PRINCIPAL, "10.00", LATER));
    }

    @Test
    void aWaiverRequestComparesByValue() {
        strictFixture().given(accountOpened(), charged("C1", "100.00", DECEMBER_DUE))
                .when(requestWaiver("W1", "C1", PRINCIPAL, "10.00"))
                .expectEvents(waiverRequested("W1", "C1", PRINCIPAL, "10.00"));
    }

    @Test
    void aRefundComparesByValue() {
        strictFixture().given(accountOpened(), received("P1", "150.00", PAID_ON), allocated("P1", "150.00", PAID_ON),
                        refundRequested("F1", "50.00"))
                .when(approveRefund("F1", MANAGER, LATER))
                .expectEvents(refundApproved("F1", "50.00", LATER, from("P1", "50.00")));
    }
}
