package estate.domain.owners;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static estate.domain.owners.LedgerExamples.DECEMBER_DUE;
import static estate.domain.owners.LedgerExamples.JANUARY_DUE;
import static estate.domain.owners.LedgerExamples.NOVEMBER_DUE;
import static estate.domain.owners.LedgerExamples.allocated;
import static estate.domain.owners.LedgerExamples.charged;
import static estate.domain.owners.LedgerExamples.feeLine;
import static estate.domain.owners.LedgerExamples.lateFee;
import static estate.domain.owners.LedgerExamples.lateFeesAccrued;
import static estate.domain.owners.LedgerExamples.pay;
import static estate.domain.owners.LedgerExamples.principal;
import static estate.domain.owners.LedgerExamples.received;
import static estate.domain.owners.OwnerAccountExamples.accountOpened;
import static estate.domain.owners.OwnerAccountExamples.cny;
import static estate.domain.owners.OwnerAccountExamples.fixture;
import static estate.domain.shared.DomainRuleViolation.Kind.NOT_FOUND;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;
import static estate.domain.testing.RuleViolationMatcher.violation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payer who names charges pays those first, in the order named; what they do not need goes to every other open
 * charge, oldest first and each charge's principal before its late fee; only what is left then becomes credit. So
 * after a payment there is never credit while a charge is open.
 */
class AllocateToNamedChargesTest {

    private static final LocalDate PAID_ON = LocalDate.of(2026, 12, 20);

    @Test
    void settlesTheNamedChargesInTheOrderNamed() {
        fixture().given(accountOpened(), charged("NOV", "200.00", NOVEMBER_DUE), charged("DEC", "300.00", DECEMBER_DUE))
                .when(pay("P1", "350.00", PAID_ON, "DEC", "NOV"))
                .expectEvents(received("P1", "350.00", PAID_ON),
                        allocated("P1", "0.00", PAID_ON, principal("DEC", "300.00"), principal("NOV", "50.00")));
    }

    @Test
    void putsWhatTheNamedChargesDoNotNeedOnTheOtherOpenCharges() {
        fixture().given(accountOpened(), charged("NOV", "200.00", NOVEMBER_DUE), charged("DEC", "300.00", DECEMBER_DUE))
                .when(pay("P1", "400.00", PAID_ON, "DEC"))
                .expectEvents(received("P1", "400.00", PAID_ON),
                        allocated("P1", "0.00", PAID_ON, principal("DEC", "300.00"), principal("NOV", "100.00")));
    }

    @Test
    void onlyWhatEveryOpenChargeDoesNotNeedBecomesCredit() {
        fixture().given(accountOpened(), charged("NOV", "200.00", NOVEMBER_DUE), charged("DEC", "300.00", DECEMBER_DUE))
                .when(pay("P1", "600.00", PAID_ON, "DEC"))
                .expectEvents(received("P1", "600.00", PAID_ON),
                        allocated("P1", "100.00", PAID_ON, principal("DEC", "300.00"), principal("NOV", "200.00")));
    }

    /**
     * January is named; the rest goes to the other open charges oldest first (November before December), and
     * November's late fee right after November's principal, before December.
     */
    @Test
    void theOtherOpenChargesTakeTheRestOldestFirstEachPrincipalBeforeItsLateFee() {
        fixture().given(accountOpened(), charged("DEC", "300.00", DECEMBER_DUE), charged("NOV", "100.00", NOVEMBER_DUE),
                        charged("JAN", "150.00", JANUARY_DUE),
                        lateFeesAccrued(NOVEMBER_DUE.plusDays(5), feeLine("NOV", "0.250000", "0.25")))
                .when(pay("P1", "500.00", PAID_ON, "JAN"))
                .expectEvents(received("P1", "500.00", PAID_ON),
                        allocated("P1", "0.00", PAID_ON, principal("JAN", "150.00"), principal("NOV", "100.00"),
                                lateFee("NOV", "0.25"), principal("DEC", "249.75")));
    }

    /** The named charges in the order named, then the others oldest first: no charge is settled twice. */
    @Test
    void aNamedChargeIsNotTakenAgainAmongTheOtherOpenCharges() {
        fixture().given(accountOpened(), charged("NOV", "200.00", NOVEMBER_DUE), charged("DEC", "300.00", DECEMBER_DUE),
                        charged("JAN", "150.00", JANUARY_DUE))
                .when(pay("P1", "700.00", PAID_ON, "JAN", "NOV"))
                .expectEvents(received("P1", "700.00", PAID_ON),
                        allocated("P1", "50.00", PAID_ON, principal("JAN", "150.00"), principal("NOV", "200.00"),
                                principal("DEC", "300.00")));
    }

    /** Rule 1: whatever the payer names, a payment never leaves credit standing beside an open charge. */
    @Test
    void afterANamedPaymentThereIsNoCreditWhileAChargeIsOpen() {
        fixture().given(accountOpened(), charged("NOV", "200.00", NOVEMBER_DUE), charged("DEC", "300.00", DECEMBER_DUE))
                .andGivenCommands(pay("P1", "400.00", PAID_ON, "DEC"))
                .when(pay("P2", "150.00", PAID_ON, "DEC"))
                .expectEvents(received("P2", "150.00", PAID_ON),
                        allocated("P2", "50.00", PAID_ON, principal("NOV", "100.00")))
                .expectState(account -> {
                    Ledger ledger = LedgerLawsPropertiesTest.ledgerOf(account);
                    assertThat(ledger.outstanding()).isEqualTo(cny("0.00"));
                    assertThat(ledger.credit()).isEqualTo(cny("50.00"));
                    assertThat(ledger.balance()).isEqualTo(cny("-50.00"));
                });
    }

    @Test
    void settlesTheLateFeeOfANamedChargeAfterItsPrincipal() {
        fixture().given(accountOpened(), charged("NOV", "100.00", NOVEMBER_DUE),
                        lateFeesAccrued(NOVEMBER_DUE.plusDays(5), feeLine("NOV", "0.250000", "0.25")))
                .when(pay("P1", "120.00", PAID_ON, "NOV"))
                .expectEvents(received("P1", "120.00", PAID_ON),
                        allocated("P1", "19.75", PAID_ON, principal("NOV", "100.00"), lateFee("NOV", "0.25")));
    }

    @Test
    void aNamedChargeThatIsSettledAlreadyLetsThePaymentSettleTheOtherOpenCharges() {
        fixture().given(accountOpened(), charged("NOV", "200.00", NOVEMBER_DUE), charged("DEC", "300.00", DECEMBER_DUE),
                        received("P1", "200.00", PAID_ON), allocated("P1", "0.00", PAID_ON, principal("NOV", "200.00")))
                .when(pay("P2", "50.00", PAID_ON, "NOV"))
                .expectEvents(received("P2", "50.00", PAID_ON),
                        allocated("P2", "0.00", PAID_ON, principal("DEC", "50.00")));
    }

    @Test
    void aNamedChargeThatIsSettledAlreadyLeavesThePaymentAsCreditWhenNothingElseIsOpen() {
        fixture().given(accountOpened(), charged("NOV", "200.00", NOVEMBER_DUE),
                        received("P1", "200.00", PAID_ON), allocated("P1", "0.00", PAID_ON, principal("NOV", "200.00")))
                .when(pay("P2", "50.00", PAID_ON, "NOV"))
                .expectEvents(received("P2", "50.00", PAID_ON), allocated("P2", "50.00", PAID_ON));
    }

    @Test
    void rejectsAChargeTheAccountDoesNotHave() {
        fixture().given(accountOpened(), charged("NOV", "200.00", NOVEMBER_DUE))
                .when(pay("P1", "200.00", PAID_ON, "NOV", "C-404"))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-charge"));
    }

    @Test
    void rejectsAChargeNamedTwice() {
        fixture().given(accountOpened(), charged("NOV", "200.00", NOVEMBER_DUE))
                .when(pay("P1", "200.00", PAID_ON, "NOV", "NOV"))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "duplicate-charge-in-request"));
    }
}
