package estate.domain.owners;

import estate.domain.owners.LedgerLines.BillLine;
import estate.domain.owners.OwnerAccount.BillPosting;
import estate.domain.owners.OwnerAccountCommands.PostBill;
import estate.domain.owners.OwnerAccountEvent.FeeCharged;
import estate.domain.shared.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.test.aggregate.TestExecutor;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static estate.domain.owners.LedgerExamples.DECEMBER_DUE;
import static estate.domain.owners.OwnerAccountExamples.ACCOUNT;
import static estate.domain.owners.OwnerAccountExamples.ESTATE;
import static estate.domain.owners.OwnerAccountExamples.FLAT;
import static estate.domain.owners.OwnerAccountExamples.accountOpened;
import static estate.domain.owners.OwnerAccountExamples.cny;
import static estate.domain.owners.OwnerAccountExamples.fixture;

/**
 * A bill run that is re-run, or resumed after a crash, posts the same bill again: what is on the account already is
 * not charged twice. Each try bills some of the lines first (the crash), then the whole bill, then the whole bill
 * again.
 */
class PostBillPropertiesTest {

    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    /** A bill line and whether the interrupted first run had posted it already. */
    record Line(BillLine line, boolean postedBeforeTheCrash) {
    }

    @Property(tries = 100)
    void theWholeBillChargesExactlyTheLinesTheInterruptedRunHadNotPosted(@ForAll("bills") List<Line> bill) {
        List<Line> notYetPosted = bill.stream().filter(l -> !l.postedBeforeTheCrash()).toList();
        Money rest = notYetPosted.stream().map(l -> l.line().amount()).reduce(cny("0"), Money::plus);

        afterTheInterruptedRun(bill)
                .when(post(bill))
                .expectEvents(notYetPosted.stream().map(l -> charged(l.line())).toArray())
                .expectResultMessagePayload(new BillPosting(notYetPosted.size(), bill.size() - notYetPosted.size(),
                        rest));
    }

    @Property(tries = 100)
    void postingTheWholeBillAgainAddsNothing(@ForAll("bills") List<Line> bill) {
        afterTheInterruptedRun(bill)
                .andGivenCommands(post(bill))
                .when(post(bill))
                .expectNoEvents()
                .expectResultMessagePayload(new BillPosting(0, bill.size(), cny("0.00")));
    }

    @Provide
    Arbitrary<List<Line>> bills() {
        Arbitrary<Line> line = Combinators.combine(Arbitraries.longs().between(1, 10_000_000),
                        Arbitraries.integers().between(0, 100), Arbitraries.of(true, false))
                .as((fen, order, posted) -> new Line(new BillLine(ChargeId.of("pending"), "ITEM_" + order, order,
                        cny(BigDecimal.valueOf(fen, 2).toPlainString()), DECEMBER_DUE, FLAT, null), posted));
        return line.list().ofMinSize(1).ofMaxSize(8).map(PostBillPropertiesTest::numbered);
    }

    /** Gives each line its own deterministic charge id, as the bill run does (account, unit, item, period). */
    private static List<Line> numbered(List<Line> lines) {
        List<Line> numbered = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            BillLine l = lines.get(i).line();
            numbered.add(new Line(new BillLine(ChargeId.of("E1:2026-12:A1:U-101:" + l.feeItem() + ":" + i),
                    l.feeItem(), l.itemOrder(), l.amount(), l.dueDate(), l.unitId(), l.description()),
                    lines.get(i).postedBeforeTheCrash()));
        }
        return numbered;
    }

    private static TestExecutor<OwnerAccount> afterTheInterruptedRun(List<Line> bill) {
        TestExecutor<OwnerAccount> account = fixture().given(accountOpened());
        List<Line> posted = bill.stream().filter(Line::postedBeforeTheCrash).toList();
        if (!posted.isEmpty()) {
            account.andGivenCommands(post(posted));
        }
        return account;
    }

    private static PostBill post(List<Line> lines) {
        return new PostBill(ACCOUNT, "run-E1-2026-12", DECEMBER, lines.stream().map(Line::line).toList());
    }

    private static FeeCharged charged(BillLine line) {
        return new FeeCharged(ACCOUNT, ESTATE, line.chargeId(), line.feeItem(), DECEMBER, line.amount(),
                line.dueDate(), line.unitId(), line.description(), line.itemOrder());
    }
}
