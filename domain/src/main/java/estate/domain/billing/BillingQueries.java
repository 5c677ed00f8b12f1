package estate.domain.billing;

import estate.domain.estates.EstateId;
import estate.domain.owners.OwnerAccountId;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/** Queries of the fees and finance context. */
public final class BillingQueries {

    private BillingQueries() {
    }

    /** Answered from the fee schedule aggregate itself: {@link FeeScheduleTerms}. */
    public record GetFeeSchedule(EstateId estateId) {
    }

    public record GetBillRun(BillRunId billRunId) {
    }

    /** The owner's statement: open charges, paid, credit, late fees. */
    public record GetAccountStatement(OwnerAccountId accountId) {
    }

    /** Open amounts by days overdue on {@code asOf}: 0-30, 31-60, 61-90, 90+. */
    public record GetArrearsAging(EstateId estateId, LocalDate asOf) {
        public GetArrearsAging {
            Objects.requireNonNull(estateId, "estateId");
            Objects.requireNonNull(asOf, "asOf");
        }
    }

    /** Billed, collected, waived and outstanding for the charges of one period. */
    public record GetCollectionRate(EstateId estateId, YearMonth period) {
        public GetCollectionRate {
            Objects.requireNonNull(estateId, "estateId");
            Objects.requireNonNull(period, "period");
        }
    }

    /** Income by fee item collected for charges of the months {@code from}..{@code to}. */
    public record GetIncomeByItem(EstateId estateId, YearMonth from, YearMonth to) {
    }

    /** Arrears aging, collection rate and income of one estate answered together, from one read of its statements. */
    public record GetEstateFinanceFigures(GetArrearsAging aging, GetCollectionRate collection, GetIncomeByItem income) {
        public GetEstateFinanceFigures {
            Objects.requireNonNull(aging, "aging");
            Objects.requireNonNull(collection, "collection");
            Objects.requireNonNull(income, "income");
            if (!aging.estateId().equals(collection.estateId()) || !aging.estateId().equals(income.estateId())) {
                throw new IllegalArgumentException("The three figures are of one estate");
            }
        }

        public EstateId estateId() {
            return aging.estateId();
        }
    }

    public record FindFinanceReports(EstateId estateId) {
    }

    public record GetBudget(EstateId estateId, int year) {
    }
}
