package estate.domain.owners;

import estate.domain.owners.LedgerLines.BillLine;
import estate.domain.owners.OwnerAccount.BillPosting;
import estate.domain.owners.OwnerAccountCommands.PostBill;
import estate.domain.owners.OwnerAccountEvent.FeeCharged;
import estate.domain.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static estate.domain.owners.LedgerExamples.DECEMBER_DUE;
import static estate.domain.owners.LedgerExamples.allocated;
import static estate.domain.owners.LedgerExamples.creditApplied;
import static estate.domain.owners.LedgerExamples.from;
import static estate.domain.owners.LedgerExamples.received;
import static estate.domain.owners.OwnerAccountExamples.ACCOUNT;
import static estate.domain.owners.OwnerAccountExamples.ESTATE;
import static estate.domain.owners.OwnerAccountExamples.FLAT;
import static estate.domain.owners.OwnerAccountExamples.accountClosed;
import static estate.domain.owners.OwnerAccountExamples.accountOpened;
import static estate.domain.owners.OwnerAccountExamples.cny;
import static estate.domain.owners.OwnerAccountExamples.fixture;
import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;
import static estate.domain.testing.RuleViolationMatcher.violation;

/** A bill run posts each account's lines with deterministic charge ids: a line already on the account is left be. */
class PostBillTest {

    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);
    private static final BillLine PROPERTY_FEE = line("E1:2026-12:A1:U-101:PROPERTY_FEE", "PROPERTY_FEE", 10,
            cny("310.80"), "111.00 m² × 2.80 × 31/31");
    private static final BillLine PARKING_FEE = line("E1:2026-12:A1:U-101:PARKING_FEE", "PARKING_FEE", 30,
            cny("150.00"), "1 unit × 150.00 × 31/31");

    private static BillLine line(String chargeId, String feeItem, int itemOrder, Money amount, String description) {
        return new BillLine(ChargeId.of(chargeId), feeItem, itemOrder, amount, DECEMBER_DUE, FLAT, description);
    }

    private static PostBill bill(BillLine... lines) {
        return new PostBill(ACCOUNT, "run-E1-2026-12", DECEMBER, List.of(lines));
    }

    private static FeeCharged charged(BillLine line) {
        return new FeeCharged(ACCOUNT, ESTATE, line.chargeId(), line.feeItem(), DECEMBER, line.amount(),
                line.dueDate(), line.unitId(), line.description(), line.itemOrder());
    }

    @Test
    void chargesEveryLineOfANewBillAndSaysSo() {
        fixture().given(accountOpened())
                .when(bill(PROPERTY_FEE, PARKING_FEE))
                .expectEvents(charged(PROPERTY_FEE), charged(PARKING_FEE))
                .expectResultMessagePayload(new BillPosting(2, 0, cny("460.80")));
    }

    @Test
    void chargesOnlyTheLinesThatAreNotOnTheAccountYet() {
        fixture().given(accountOpened(), charged(PROPERTY_FEE))
                .when(bill(PROPERTY_FEE, PARKING_FEE))
                .expectEvents(charged(PARKING_FEE))
                .expectResultMessagePayload(new BillPosting(1, 1, cny("150.00")));
    }

    @Test
    void aSecondIdenticalBillChargesNothing() {
        fixture().given(accountOpened())
                .andGivenCommands(bill(PROPERTY_FEE, PARKING_FEE))
                .when(bill(PROPERTY_FEE, PARKING_FEE))
                .expectNoEvents()
                .expectResultMessagePayload(new BillPosting(0, 2, cny("0.00")));
    }

    @Test
    void aLineTwiceInOneBillIsChargedOnce() {
        fixture().given(accountOpened())
                .when(bill(PROPERTY_FEE, PROPERTY_FEE))
                .expectEvents(charged(PROPERTY_FEE))
                .expectResultMessagePayload(new BillPosting(1, 1, cny("310.80")));
    }

    @Test
    void theBillsChargesUsePrepaidCredit() {
        LocalDate paidOn = LocalDate.of(2026, 11, 20);
        fixture().given(accountOpened(), received("P1", "200.00", paidOn), allocated("P1", "200.00", paidOn))
                .when(bill(PROPERTY_FEE, PARKING_FEE))
                .expectEvents(charged(PROPERTY_FEE),
                        creditApplied(PROPERTY_FEE.chargeId().value(), "200.00", DECEMBER_DUE, from("P1", "200.00")),
                        charged(PARKING_FEE))
                .expectResultMessagePayload(new BillPosting(2, 0, cny("460.80")));
    }

    @Test
    void rejectsABillInAnotherCurrencyThanTheAccountsAndChargesNoneOfIt() {
        BillLine inDollars = line("E1:2026-12:A1:U-101:PARKING_FEE", "PARKING_FEE", 30, Money.of("20.00", "USD"),
                "1 unit × 20.00");

        fixture().given(accountOpened())
                .when(bill(PROPERTY_FEE, inDollars))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "currency-mismatch"));
    }

    @Test
    void rejectsABillForAClosedAccount() {
        fixture().given(accountOpened(), accountClosed(ACCOUNT, ESTATE, FLAT))
                .when(bill(PROPERTY_FEE))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "account-closed"));
    }
}
