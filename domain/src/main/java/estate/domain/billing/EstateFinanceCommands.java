package estate.domain.billing;

import estate.domain.estates.EstateId;
import estate.domain.shared.Checks;
import estate.domain.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Budgets and published finance reports of an estate. */
public final class EstateFinanceCommands {

    private static final Pattern CATEGORY = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

    private EstateFinanceCommands() {
    }

    /** A category's amount in the estate's annual budget; income categories are fee items, expenses their own. */
    public record SetBudget(@TargetAggregateIdentifier EstateFinanceId financeId, EstateId estateId, int year,
                            BudgetKind kind, String category, Money amount, String setBy) {
        public SetBudget {
            Objects.requireNonNull(financeId, "financeId");
            Objects.requireNonNull(estateId, "estateId");
            if (year < 2000 || year > 2200) {
                throw new IllegalArgumentException("year must be between 2000 and 2200");
            }
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(category, "category");
            if (!CATEGORY.matcher(category).matches()) {
                throw new IllegalArgumentException("category must be 2-32 capitals, digits or '_'");
            }
            Objects.requireNonNull(amount, "amount");
            setBy = Checks.text(setBy, "setBy", 100);
        }
    }

    /** One line of a report: a category and its amount. */
    public record ReportLine(String category, Money amount) {
    }

    /**
     * Publishes to the owners the estate's income by fee item and its expenses for {@code from}..{@code to}:
     * the figures are fixed in the event, as the owners saw them.
     */
    public record PublishFinanceReport(@TargetAggregateIdentifier EstateFinanceId financeId, EstateId estateId,
                                       String reportId, YearMonth from, YearMonth to, List<ReportLine> income,
                                       List<ReportLine> expenses, String publishedBy) {
        public PublishFinanceReport {
            Objects.requireNonNull(financeId, "financeId");
            Objects.requireNonNull(estateId, "estateId");
            reportId = Checks.text(reportId, "reportId", 128);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            income = Checks.list(income, "income");
            expenses = Checks.list(expenses, "expenses");
            publishedBy = Checks.text(publishedBy, "publishedBy", 100);
        }
    }

    public enum BudgetKind { INCOME, EXPENSE }
}
