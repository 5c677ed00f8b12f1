package estate.domain.owners;

import estate.domain.owners.OwnerAccountCommands.ChargeFee;
import estate.domain.owners.OwnerAccountCommands.MoveOut;
import estate.domain.owners.OwnerAccountCommands.RecordPayment;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static estate.domain.owners.OwnerAccountExamples.ACCOUNT;
import static estate.domain.owners.OwnerAccountExamples.DUE;
import static estate.domain.owners.OwnerAccountExamples.ESTATE;
import static estate.domain.owners.OwnerAccountExamples.FLAT;
import static estate.domain.owners.OwnerAccountExamples.NOVEMBER;
import static estate.domain.owners.OwnerAccountExamples.NOW;
import static estate.domain.owners.OwnerAccountExamples.TODAY;
import static estate.domain.owners.OwnerAccountExamples.accountClosed;
import static estate.domain.owners.OwnerAccountExamples.accountOpened;
import static estate.domain.owners.OwnerAccountExamples.cny;
import static estate.domain.owners.OwnerAccountExamples.fixture;
import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.testing.RuleViolationMatcher.violation;

/**
 * The ledger law: balance = charges − payments. It shows through move-out, which closes an account only when the
 * balance is zero: owed money gives {@code balance-outstanding}, a credit {@code credit-not-refunded}. Each try runs
 * its charges and payments as given commands on a fresh {@code AggregateTestFixture}. Named *Test so that
 * Surefire's default includes pick it up.
 */
class LedgerBalancePropertiesTest {

    @Property(tries = 50)
    void moveOutSucceedsExactlyWhenPaymentsEqualCharges(
            @ForAll("amountsInFen") @Size(max = 6) List<Long> charges,
            @ForAll("amountsInFen") @Size(max = 6) List<Long> payments) {
        long balance = charges.stream().mapToLong(Long::longValue).sum()
                - payments.stream().mapToLong(Long::longValue).sum();

        ResultValidator<OwnerAccount> moveOut = afterLedger(charges, payments).when(moveOut());

        if (balance > 0) {
            moveOut.expectNoEvents().expectException(violation(CONFLICT, "balance-outstanding"));
        } else if (balance < 0) {
            moveOut.expectNoEvents().expectException(violation(CONFLICT, "credit-not-refunded"));
        } else {
            moveOut.expectEvents(accountClosed(ACCOUNT, ESTATE, FLAT));
        }
    }

    /** Random charges and payments rarely sum alike, so settled ledgers get a property of their own. */
    @Property(tries = 50)
    void moveOutSucceedsWhenPaymentsSplitTheChargesAnyWay(
            @ForAll("amountsInFen") @Size(min = 1, max = 6) List<Long> charges,
            @ForAll @IntRange(min = 1, max = 6) int numberOfPayments,
            @ForAll long seed) {
        List<Long> payments = split(charges.stream().mapToLong(Long::longValue).sum(), numberOfPayments, seed);

        afterLedger(charges, payments).when(moveOut()).expectEvents(accountClosed(ACCOUNT, ESTATE, FLAT));
    }

    @Property(tries = 50)
    void moveOutIsRefusedWhenOneFenIsMissingOrOver(
            @ForAll("amountsInFen") @Size(min = 1, max = 6) List<Long> charges,
            @ForAll boolean overpaid) {
        long total = charges.stream().mapToLong(Long::longValue).sum();
        List<Long> payments = List.of(overpaid ? total + 1 : total - 1);
        if (payments.get(0) == 0) {
            payments = List.of();
        }

        afterLedger(charges, payments).when(moveOut())
                .expectNoEvents()
                .expectException(violation(CONFLICT, overpaid ? "credit-not-refunded" : "balance-outstanding"));
    }

    @Provide
    Arbitrary<List<Long>> amountsInFen() {
        return Arbitraries.longs().between(1, 10_000_000).list();
    }

    private static TestExecutor<OwnerAccount> afterLedger(List<Long> chargesInFen, List<Long> paymentsInFen) {
        List<Object> commands = new ArrayList<>();
        for (int i = 0; i < chargesInFen.size(); i++) {
            commands.add(new ChargeFee(ACCOUNT, ChargeId.of("C" + i), "property-management", NOVEMBER,
                    cny(fen(chargesInFen.get(i))), DUE, FLAT, null));
        }
        for (int i = 0; i < paymentsInFen.size(); i++) {
            commands.add(new RecordPayment(ACCOUNT, PaymentId.of("P" + i), cny(fen(paymentsInFen.get(i))),
                    PaymentChannel.BANK_TRANSFER, "R-" + i, NOW));
        }
        return fixture().given(accountOpened()).andGivenCommands(commands);
    }

    /** {@code total} fen as up to {@code parts} positive amounts that add up to it. */
    private static List<Long> split(long total, int parts, long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<Long> amounts = new ArrayList<>();
        long left = total;
        for (int i = 1; i < parts && left > 1; i++) {
            long part = 1 + Math.floorMod(random.nextLong(), left - 1);
            amounts.add(part);
            left -= part;
        }
        amounts.add(left);
        return amounts;
    }

    private static String fen(long amountInFen) {
        return BigDecimal.valueOf(amountInFen, 2).toPlainString();
    }

    private static MoveOut moveOut() {
        return new MoveOut(ACCOUNT, TODAY, "Sold the flat");
    }
}
