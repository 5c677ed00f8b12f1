package estate.api.billing;

import estate.api.errors.ApiException;
import estate.api.security.AccessGuard;
import estate.api.security.Caller;
import estate.api.support.Created;
import estate.api.support.Ids;
import estate.api.support.MoneyInput;
import estate.api.support.Results;
import estate.domain.billing.BillingQueries.FindFinanceReports;
import estate.domain.billing.BillingQueries.GetArrearsAging;
import estate.domain.billing.BillingQueries.GetBudget;
import estate.domain.billing.BillingQueries.GetCollectionRate;
import estate.domain.billing.BillingQueries.GetIncomeByItem;
import estate.domain.billing.EstateFinanceCommands.BudgetKind;
import estate.domain.billing.EstateFinanceCommands.PublishFinanceReport;
import estate.domain.billing.EstateFinanceCommands.ReportLine;
import estate.domain.billing.EstateFinanceCommands.SetBudget;
import estate.domain.billing.EstateFinanceId;
import estate.domain.estates.EstateId;
import estate.domain.owners.OwnerAccountQueries.FindAccountsOfPortalUser;
import estate.domain.shared.Money;
import estate.projections.billing.BudgetView;
import estate.projections.billing.FinanceFigures.ArrearsAging;
import estate.projections.billing.FinanceFigures.CollectionRate;
import estate.projections.billing.FinanceFigures.IncomeByItem;
import estate.projections.billing.FinanceReportView;
import estate.projections.owners.OwnerDirectoryEntry;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import static estate.api.security.Caller.AUDITOR;
import static estate.api.security.Caller.FINANCE;
import static estate.api.security.Caller.MANAGER;
import static estate.api.security.Caller.STAFF;

/** Estate finance: arrears aging, collection rate, income, budgets, and reports published to owners. */
@RestController
@Tag(name = "Estate finance", description = "Arrears aging, collection rate, budgets and finance reports")
public class FinanceController {

    private static final Set<String> FINANCE_READERS = Set.of(FINANCE, MANAGER, AUDITOR);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final AccessGuard guard;
    private final Clock clock;

    public FinanceController(CommandGateway commands, QueryGateway queries, AccessGuard guard, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.guard = guard;
        this.clock = clock;
    }

    public record BudgetRequest(@NotNull BudgetKind kind, @NotNull BigDecimal amount,
                                @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {
    }

    public record ReportRequest(@NotNull YearMonth from, @NotNull YearMonth to) {
    }

    @GetMapping("/api/estates/{estateId}/arrears-aging")
    public ArrearsAging aging(@PathVariable EstateId estateId, @RequestParam(required = false) LocalDate asOf) {
        guard.staffOf(estateId, FINANCE_READERS);
        return queries.query(new GetArrearsAging(estateId, asOf == null ? LocalDate.now(clock) : asOf),
                ArrearsAging.class).join();
    }

    @GetMapping("/api/estates/{estateId}/collection")
    public CollectionRate collection(@PathVariable EstateId estateId, @RequestParam YearMonth period) {
        guard.staffOf(estateId, FINANCE_READERS);
        return queries.query(new GetCollectionRate(estateId, period), CollectionRate.class).join();
    }

    @GetMapping("/api/estates/{estateId}/income")
    public IncomeByItem income(@PathVariable EstateId estateId, @RequestParam YearMonth from,
                               @RequestParam YearMonth to) {
        guard.staffOf(estateId, FINANCE_READERS);
        return queries.query(new GetIncomeByItem(estateId, from, to), IncomeByItem.class).join();
    }

    @PutMapping("/api/estates/{estateId}/budgets/{year}/{category}")
    public ResponseEntity<Void> setBudget(@PathVariable EstateId estateId, @PathVariable int year,
                                          @PathVariable String category, @Valid @RequestBody BudgetRequest request) {
        Caller caller = guard.staffOf(estateId, Set.of(MANAGER));
        commands.sendAndWait(new SetBudget(EstateFinanceId.of(estateId), estateId, year, request.kind(), category,
                MoneyInput.of(request.amount(), request.currency()), caller.userId()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/estates/{estateId}/budgets/{year}")
    public BudgetView budget(@PathVariable EstateId estateId, @PathVariable int year) {
        guard.staffOf(estateId, FINANCE_READERS);
        return queries.query(new GetBudget(estateId, year), BudgetView.class).join();
    }

    /**
     * Publishes the estate's finance report for owners: income collected by fee item for charges of the months
     * from..to (expenses come from the contracts context when it lands), fixed as published.
     */
    @PostMapping("/api/estates/{estateId}/finance-reports")
    public ResponseEntity<Created> publish(@PathVariable EstateId estateId, @Valid @RequestBody ReportRequest request) {
        Caller caller = guard.staffOf(estateId, Set.of(MANAGER));
        IncomeByItem income = queries.query(new GetIncomeByItem(estateId, request.from(), request.to()),
                IncomeByItem.class).join();
        if (income.currency() == null || income.income().isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "empty-report",
                    "Nothing was collected for charges of " + request.from() + ".." + request.to());
        }
        Currency currency = Currency.getInstance(income.currency());
        List<ReportLine> lines = income.income().entrySet().stream()
                .map(e -> new ReportLine(e.getKey(), new Money(e.getValue(), currency))).toList();
        String reportId = request.from() + "_" + request.to() + "_" + Ids.newId().substring(0, 8);
        commands.sendAndWait(new PublishFinanceReport(EstateFinanceId.of(estateId), estateId, reportId,
                request.from(), request.to(), lines, List.of(), caller.userId()));
        return Created.at("/api/estates/" + estateId + "/finance-reports", reportId);
    }

    /** Published reports: for staff of the estate, and for owners who hold an account in it. */
    @GetMapping("/api/estates/{estateId}/finance-reports")
    public List<FinanceReportView> reports(@PathVariable EstateId estateId) {
        Caller caller = Caller.current();
        if (caller.isOwner()) {
            boolean ownsHere = queries.query(new FindAccountsOfPortalUser(caller.userId()),
                            ResponseTypes.multipleInstancesOf(OwnerDirectoryEntry.class)).join().stream()
                    .anyMatch(entry -> entry.estateId().equals(estateId.value()));
            if (!ownsHere) {
                throw ApiException.notFound("estate-not-found", "No estate " + estateId);
            }
        } else {
            guard.staffOf(estateId, STAFF);
        }
        return Results.many(queries, new FindFinanceReports(estateId), FinanceReportView.class);
    }
}
