package estate.domain.billing;

import estate.domain.billing.EstateFinanceCommands.BudgetKind;
import estate.domain.billing.EstateFinanceCommands.ReportLine;
import estate.domain.estates.EstateId;
import estate.domain.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.YearMonth;
import java.util.List;

/** Events of an estate's finance book. */
public sealed interface EstateFinanceEvent {

    EstateFinanceId financeId();

    EstateId estateId();

    @Revision("1")
    record BudgetSet(EstateFinanceId financeId, EstateId estateId, int year, BudgetKind kind, String category,
                     Money amount, Money previous, String setBy) implements EstateFinanceEvent {
    }

    @Revision("1")
    record FinanceReportPublished(EstateFinanceId financeId, EstateId estateId, String reportId, YearMonth from,
                                  YearMonth to, List<ReportLine> income, List<ReportLine> expenses, Money totalIncome,
                                  Money totalExpenses, Money balance, String publishedBy)
            implements EstateFinanceEvent {
    }
}
