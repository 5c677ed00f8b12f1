package estate.domain.owners;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static estate.domain.owners.LedgerExamples.DECEMBER_DUE;
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
import static estate.domain.owners.OwnerAccountExamples.fixture;

/** A payment that names no charge settles the open charges oldest first: due date, item order, posting. */
class AllocateOldestFirstTest {

    private static final LocalDate PAID_ON = LocalDate.of(2026, 12, 20);

    @Test
    void settlesTheChargeDueFirstThoughItWasPostedLater() {
        fixture().given(accountOpened(), charged("DEC", "300.00", DECEMBER_DUE), charged("NOV", "200.00", NOVEMBER_DUE))
                .when(pay("P1", "250.00", PAID_ON))
                .expectEvents(received("P1", "250.00", PAID_ON),
                        allocated("P1", "0.00", PAID_ON, principal("NOV", "200.00"), principal("DEC", "50.00")));
    }

    @Test
    void amongChargesDueTheSameDaySettlesTheLowerItemOrderFirst() {
        fixture().given(accountOpened(),
                        charged("PARKING", "PARKING_FEE", 30, "150.00", DECEMBER_DUE),
                        charged("PF", "PROPERTY_FEE", 10, "310.80", DECEMBER_DUE))
                .when(pay("P1", "400.00", PAID_ON))
                .expectEvents(received("P1", "400.00", PAID_ON),
                        allocated("P1", "0.00", PAID_ON, principal("PF", "310.80"), principal("PARKING", "89.20")));
    }

    @Test
    void amongChargesDueTheSameDayWithTheSameItemOrderSettlesTheOnePostedFirst() {
        fixture().given(accountOpened(), charged("C-B", "100.00", DECEMBER_DUE), charged("C-A", "100.00", DECEMBER_DUE))
                .when(pay("P1", "150.00", PAID_ON))
                .expectEvents(received("P1", "150.00", PAID_ON),
                        allocated("P1", "0.00", PAID_ON, principal("C-B", "100.00"), principal("C-A", "50.00")));
    }

    @Test
    void settlesAChargesPrincipalThenItsLateFeeBeforeTheNextCharge() {
        fixture().given(accountOpened(), charged("NOV", "100.00", NOVEMBER_DUE), charged("DEC", "100.00", DECEMBER_DUE),
                        lateFeesAccrued(NOVEMBER_DUE.plusDays(5), feeLine("NOV", "0.250000", "0.25")))
                .when(pay("P1", "150.00", PAID_ON))
                .expectEvents(received("P1", "150.00", PAID_ON),
                        allocated("P1", "0.00", PAID_ON, principal("NOV", "100.00"), lateFee("NOV", "0.25"),
                                principal("DEC", "49.75")));
    }

    @Test
    void aPartialPaymentLeavesTheRestOfTheChargeOpenForTheNextPayment() {
        fixture().given(accountOpened(), charged("C1", "1280.50", DECEMBER_DUE),
                        received("P1", "1000.00", PAID_ON), allocated("P1", "0.00", PAID_ON, principal("C1", "1000.00")))
                .when(pay("P2", "280.50", PAID_ON))
                .expectEvents(received("P2", "280.50", PAID_ON),
                        allocated("P2", "0.00", PAID_ON, principal("C1", "280.50")));
    }

    @Test
    void passesOverChargesThatAreSettled() {
        fixture().given(accountOpened(), charged("NOV", "200.00", NOVEMBER_DUE), charged("DEC", "300.00", DECEMBER_DUE),
                        received("P1", "200.00", PAID_ON), allocated("P1", "0.00", PAID_ON, principal("NOV", "200.00")))
                .when(pay("P2", "300.00", PAID_ON))
                .expectEvents(received("P2", "300.00", PAID_ON),
                        allocated("P2", "0.00", PAID_ON, principal("DEC", "300.00")));
    }
}
