package estate.domain.billing;

import estate.domain.billing.EstateFinanceCommands.PublishFinanceReport;
import estate.domain.billing.EstateFinanceCommands.ReportLine;
import estate.domain.billing.EstateFinanceCommands.SetBudget;
import estate.domain.billing.EstateFinanceEvent.BudgetSet;
import estate.domain.billing.EstateFinanceEvent.FinanceReportPublished;
import estate.domain.estates.EstateId;
import estate.domain.shared.DomainRuleViolation;
import estate.domain.shared.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The finance book of an estate: annual budgets by category, and the finance reports published to owners. */
public class EstateFinance {

    @AggregateIdentifier
    private EstateFinanceId financeId;
    private Map<String, Money> budget = new HashMap<>();
    private Set<String> reports = new HashSet<>();

    protected EstateFinance() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetBudget command) {
        requireOwnBook(command.financeId(), command.estateId());
        if (command.amount().isNegative()) {
            throw new DomainRuleViolation("negative-budget", "A budget amount cannot be negative");
        }
        String key = command.year() + "|" + command.kind() + "|" + command.category();
        Money previous = budget.get(key);
        if (command.amount().equals(previous)) {
            throw new DomainRuleViolation("budget-unchanged", "The budget already has that amount");
        }
        apply(new BudgetSet(command.financeId(), command.estateId(), command.year(), command.kind(),
                command.category(), command.amount(), previous, command.setBy()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PublishFinanceReport command) {
        requireOwnBook(command.financeId(), command.estateId());
        if (reports.contains(command.reportId())) {
            throw DomainRuleViolation.conflict("duplicate-report", "Report " + command.reportId() + " exists");
        }
        if (command.to().isBefore(command.from())) {
            throw new DomainRuleViolation("invalid-report-period", "A report ends after it starts");
        }
        Money income = total(command.income());
        Money expenses = total(command.expenses());
        if (income == null && expenses == null) {
            throw new DomainRuleViolation("empty-report", "A report needs at least one line");
        }
        Money zero = Money.zero((income != null ? income : expenses).currency());
        income = income == null ? zero : income;
        expenses = expenses == null ? zero : expenses;
        apply(new FinanceReportPublished(command.financeId(), command.estateId(), command.reportId(), command.from(),
                command.to(), command.income(), command.expenses(), income, expenses, income.minus(expenses),
                command.publishedBy()));
    }

    private static Money total(List<ReportLine> lines) {
        Money total = null;
        for (ReportLine line : lines) {
            total = total == null ? line.amount() : total.plus(line.amount());
        }
        return total;
    }

    private static void requireOwnBook(EstateFinanceId financeId, EstateId estateId) {
        if (!EstateFinanceId.of(estateId).equals(financeId)) {
            throw new DomainRuleViolation("book-of-other-estate", "The finance book id does not match the estate");
        }
    }

    @EventSourcingHandler
    void on(BudgetSet event) {
        financeId = event.financeId();
        budget.put(event.year() + "|" + event.kind() + "|" + event.category(), event.amount());
    }

    @EventSourcingHandler
    void on(FinanceReportPublished event) {
        financeId = event.financeId();
        reports.add(event.reportId());
    }
}
