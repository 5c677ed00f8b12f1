package estate.domain.billing;

import estate.domain.billing.BillRunCommands.CompleteBillRun;
import estate.domain.billing.BillRunCommands.RecordBillRunProgress;
import estate.domain.billing.BillRunCommands.StartBillRun;
import estate.domain.billing.BillRunEvent.BillRunCompleted;
import estate.domain.billing.BillRunEvent.BillRunProgressed;
import estate.domain.billing.BillRunEvent.BillRunStarted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;

import static estate.domain.billing.BillingExamples.ESTATE;
import static estate.domain.billing.BillingExamples.cny;
import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.testing.RuleViolationMatcher.violation;

/** A bill run for an estate and a period: who started it, its progress, and its summary. */
class BillRunTest {

    private static final BillRunId RUN = new BillRunId("run-E1-2026-12");
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);
    private static final BillRunStarted STARTED = new BillRunStarted(RUN, ESTATE, DECEMBER, "finance.li");

    private static AggregateTestFixture<BillRun> fixture() {
        return new AggregateTestFixture<>(BillRun.class);
    }

    @Test
    void financeStartsABillRunForAnEstateAndPeriod() {
        fixture().givenNoPriorActivity()
                .when(new StartBillRun(RUN, ESTATE, DECEMBER, "finance.li"))
                .expectEvents(STARTED);
    }

    @Test
    void recordsProgressAsAccountsAreBilled() {
        fixture().given(STARTED)
                .when(new RecordBillRunProgress(RUN, 500, 2000, 1480, 20, cny("402310.55")))
                .expectEvents(new BillRunProgressed(RUN, ESTATE, 500, 2000, 1480, 20, cny("402310.55")));
    }

    @Test
    void completesWithASummaryForItsPeriod() {
        fixture().given(STARTED, new BillRunProgressed(RUN, ESTATE, 500, 2000, 1480, 20, cny("402310.55")))
                .when(new CompleteBillRun(RUN, 2000, 12, 5940, 20, cny("1609242.20")))
                .expectEvents(new BillRunCompleted(RUN, ESTATE, DECEMBER, 2000, 12, 5940, 20, cny("1609242.20")));
    }

    @Test
    void rejectsProgressOfACompletedRun() {
        fixture().given(STARTED, new BillRunCompleted(RUN, ESTATE, DECEMBER, 2000, 12, 5940, 20, cny("1609242.20")))
                .when(new RecordBillRunProgress(RUN, 2000, 2000, 5940, 20, cny("1609242.20")))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "bill-run-completed"));
    }

    @Test
    void rejectsCompletingARunTwice() {
        fixture().given(STARTED, new BillRunCompleted(RUN, ESTATE, DECEMBER, 2000, 12, 5940, 20, cny("1609242.20")))
                .when(new CompleteBillRun(RUN, 2000, 12, 5940, 20, cny("1609242.20")))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "bill-run-completed"));
    }
}
